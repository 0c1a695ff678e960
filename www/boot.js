// The demo pages' first script (www/dist/boot.js, a deferred, render-blocking module in the
// document head): starts the engine — the code-set index and core part, the wasm glue and the
// wasm — once the document is parsed and before DOMContentLoaded, before the first layout
// (which the browser's form autofill forces at DOMContentLoaded) and the page bundle, then runs
// the page bundle (the <link rel="modulepreload" data-claimlint-page> of the page, fetched
// meanwhile) once the engine is ready, failed, or has taken a quarter of a second: on a cached
// visit the engine is in within about a tenth of a second, and building the form meanwhile would
// hold up the first answer; on a first visit the form is built while the code sets download.
// The engine is bundled into this script (www/dist/boot.js, one module that imports nothing), which
// exports it: the page bundle imports the engine from here (one instance per page;
// scripts/bundle.mjs) and so picks up this load instead of starting another.
// ?data=blob (the single whole blob, the benchmark's baseline) is left to the page, which knows
// its integrity option: its bundle runs at once.
// On a cached visit the first frame waits for the engine too (at most ENGINE_FIRST_MS; see
// below): the page then appears with its codes checkable.
// The charge-entry page's HTML holds its first service line only; the others are copied from it
// here (www/service-lines.js): on a cached visit once the engine is in, before the page is shown.
import { cachedVisit, engineEvents, loadEngine, readyEngine } from './claimlint/engine.js';
import { addServiceLines } from './service-lines.js';

// The page's engine: for the page bundle (scripts/bundle.mjs), and for tests and benchmarks that
// import the first module script.
export * from './claimlint/engine.js';

// How long the page bundle waits for the engine at most (a first visit's download takes longer).
const ENGINE_FIRST_MS = 250;

// The page names its wasm module on its root element: <html data-claimlint-engine="facility">
// for the outpatient facility editor (the I/OCE edits); the core module otherwise.
const engine = document.documentElement.dataset.claimlintEngine || 'core';
const whole = new URLSearchParams(location.search).get('data') === 'blob';
if (!whole) loadEngine({ engine }).catch(() => {});

// A cached visit holds its first layout and paint until the engine is in (or the wait is up):
// the engine's few steps from storage each wait for the main thread, and a first frame of the
// whole form in between would hold every one of them up. The page appears a little later,
// with its codes checkable (the trade is measured in scripts/trace-warm.mjs). A first visit,
// whose engine downloads, is shown at once.
// The service lines after the first (www/service-lines.js) are added then too, before the page
// is shown: at once on a visit shown at once.
const settled = whole ? Promise.resolve() : engineSettled(ENGINE_FIRST_MS);
let formed = settled;
if (!whole && cachedVisit()) {
  const root = document.documentElement;
  root.style.display = 'none';
  formed = settled.then(() => {
    try {
      addServiceLines();
    } finally {
      root.style.removeProperty('display');
    }
  });
} else addServiceLines();

const pages = [...document.querySelectorAll('link[rel="modulepreload"][data-claimlint-page]')].map((link) => link.href);
formed.catch(() => {}).then(() => Promise.all(pages.map((href) => import(href))));

/** Resolves once the engine is ready or has failed, or after `ms`. */
function engineSettled(ms) {
  if (readyEngine()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      engineEvents.removeEventListener('ready', done);
      engineEvents.removeEventListener('error', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    engineEvents.addEventListener('ready', done);
    engineEvents.addEventListener('error', done);
  });
}
