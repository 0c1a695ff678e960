// Bundles each demo page's widget modules into one minified module in www/dist/ (esbuild), so
// a page loads its script in one request instead of ~25 modules in import waves, and a cached
// visit reads one file through the service worker. The ES modules under www/ stay the source
// and what the npm package ships; the wasm glue (pkg/claimlint.js) stays a file of its own,
// loaded by URL beside its wasm (www/claimlint/engine.js).
// Usage: node scripts/bundle.mjs
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// www/dist/ sits as deep as www/claimlint/, so the widget's import.meta.url paths
// ('../../pkg/' for the wasm and the code sets) resolve the same from the bundle.
export const PAGES = ['demo.js', 'facility.js'];
// The engine (www/claimlint/engine.js) is bundled into the boot script (dist/boot.js, started
// from the head before the styles and the page bundle), which re-exports it; the page bundles
// import it from there: one engine instance per page, so the page picks up the load boot
// started, and the boot script is one module with nothing to import (a cached visit's engine
// starts without a second module fetched and linked first).
const ENGINE = path.join(REPO, 'www', 'claimlint', 'engine.js');
const engineFromBoot = {
  name: 'engine-from-boot',
  setup(b) {
    b.onResolve({ filter: /engine\.js$/ }, (args) => {
      if (path.resolve(args.resolveDir, args.path) !== ENGINE) return undefined;
      return { path: './boot.js', external: true };
    });
  },
};

const common = {
  outdir: path.join(REPO, 'www', 'dist'),
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  sourcemap: 'linked',
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
};
const pages = await build({ ...common, entryPoints: PAGES.map((p) => path.join(REPO, 'www', p)), plugins: [engineFromBoot] });
const boot = await build({ ...common, entryPoints: [path.join(REPO, 'www', 'boot.js')] });
for (const [file, out] of [pages, boot].flatMap((r) => Object.entries(r.metafile.outputs))) {
  if (file.endsWith('.js')) console.log(`${path.relative(REPO, file)} ${out.bytes} bytes`);
}
