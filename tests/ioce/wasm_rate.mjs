// claimlint's facility wasm module (pkg/claimlint-facility.js: the outpatient editor, the
// speed-tuned build) in Node over a corpus of claims, one JSON claim per line: prints
// {"claims": n, "seconds": s, "cpuSeconds": c, "module": name} for `passes` passes after a warm-up pass.
// Usage: node tests/ioce/wasm_rate.mjs CORPUS.jsonl [PASSES] [MODULE.js]   (used by benches/ioce_side_by_side.rs)
// MODULE.js: another build of the glue, its wasm beside it as NAME_bg.wasm (e.g. an older build
// to compare); the core module (pkg/claimlint.js) has no I/OCE edits, so it is not the default.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const [corpus, passesArg, moduleArg] = process.argv.slice(2);
const passes = Number(passesArg ?? 3);
const glue = path.resolve(moduleArg ?? path.join(REPO, 'pkg', 'claimlint-facility.js'));
const claims = readFileSync(corpus, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const mod = await import(pathToFileURL(glue).href);
await mod.default({ module_or_path: readFileSync(glue.replace(/\.js$/, '_bg.wasm')) });
const v = new mod.Validator(readFileSync(path.join(REPO, 'pkg', 'codesets.blob')));
let sink = 0;
const pass = () => {
  for (const c of claims) sink += v.checkClaim(c).findings.length;
};
pass();
const [t, cpu] = [process.hrtime.bigint(), process.cpuUsage()];
for (let i = 0; i < passes; i++) pass();
const seconds = Number(process.hrtime.bigint() - t) / 1e9;
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ claims: claims.length * passes, seconds, cpuSeconds: (used.user + used.system) / 1e6, sink, module: path.basename(glue) }));
