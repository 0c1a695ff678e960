// Names the wasm modules (glue + wasm of each engine) in the parts index, with their size and
// SHA-256, after scripts/build.sh has built them. The index names the generation a browser
// stores (www/claimlint/store.js), so a new build of any module is a new generation even when
// the code sets are unchanged: the service worker's update path brings it, whole, to the next
// visit (docs/parts.md: `modules`).
//
//   node scripts/index-modules.mjs [PKG_DIR]   (default pkg/)
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENGINES, moduleFileNames } from '../www/claimlint/store.js';

/** The module files of each engine (www/claimlint/store.js ENGINES), beside parts/. */
export const MODULE_FILES = Object.entries(ENGINES).flatMap(([engine, { stem }]) => {
  const files = moduleFileNames(stem);
  return [{ engine, file: files.glue }, { engine, file: files.wasm }];
});

/** Writes `modules` into PKG_DIR/parts/parts.json; returns the entries written. */
export function indexModules(pkgDir) {
  const indexPath = path.join(pkgDir, 'parts', 'parts.json');
  const index = JSON.parse(readFileSync(indexPath, 'utf8'));
  const modules = MODULE_FILES.filter((m) => existsSync(path.join(pkgDir, m.file))).map((m) => {
    const bytes = readFileSync(path.join(pkgDir, m.file));
    // Relative to the index, like a part's `file`.
    return { engine: m.engine, file: `../${m.file}`, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  });
  writeFileSync(indexPath, JSON.stringify({ ...index, modules }, null, 2) + '\n');
  return modules;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const pkg = path.resolve(process.argv[2] || path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'pkg'));
  for (const m of indexModules(pkg)) console.log(`module ${m.engine} ${m.file} ${m.bytes} bytes sha256 ${m.sha256.slice(0, 16)}`);
}
