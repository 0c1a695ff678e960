// claimlint's wasm build (pkg/, in Node) over a corpus of claims, one JSON claim per line:
// prints {"claims": n, "seconds": s, "cpuSeconds": c} for `passes` passes after a warm-up pass.
// Usage: node tests/ioce/wasm_rate.mjs CORPUS.jsonl [PASSES]   (used by benches/ioce_side_by_side.rs)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const [corpus, passesArg] = process.argv.slice(2);
const passes = Number(passesArg ?? 3);
const claims = readFileSync(corpus, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const mod = await import(pathToFileURL(path.join(REPO, 'pkg', 'claimlint.js')).href);
await mod.default({ module_or_path: readFileSync(path.join(REPO, 'pkg', 'claimlint_bg.wasm')) });
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
console.log(JSON.stringify({ claims: claims.length * passes, seconds, cpuSeconds: (used.user + used.system) / 1e6, sink }));
