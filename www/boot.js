// The demo pages' first script (www/dist/boot.js, the first module in the document head): starts
// the engine — the wasm glue, the code-set index and core part, the wasm — before the styles,
// the page bundle and the form are ready, so on a cached visit the engine is in by the time the
// fields are. The page bundle imports the same engine module (www/dist/engine.js, one instance
// per page; scripts/bundle.mjs) and so picks up this load instead of starting another.
// ?data=blob (the single whole blob, the benchmark's baseline) is left to the page, which knows
// its integrity option.
import { loadEngine } from './claimlint/engine.js';

// The page's engine, for tests and benchmarks that import the first module script.
export { readyEngine } from './claimlint/engine.js';

// The page names its wasm module on its root element: <html data-claimlint-engine="facility">
// for the outpatient facility editor (the I/OCE edits); the core module otherwise.
const engine = document.documentElement.dataset.claimlintEngine || 'core';
if (new URLSearchParams(location.search).get('data') !== 'blob') loadEngine({ engine }).catch(() => {});
