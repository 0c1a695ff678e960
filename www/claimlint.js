// claimlint web widgets: public entry point.
//
//   import { attach } from './claimlint.js';
//   attach(document, { mode: 'practice' });
//
// attach(root, options) upgrades every <input data-claimlint="icd10cm|icd10pcs|
// hcpcs|cpt|modifier|units|pointer|pos|date"> under root, wires claim
// containers ([data-claimlint-claim]) to a summary, and loads the shared
// engine. Importing this module also defines <claimlint-field>.
//
// Options (all optional):
//   blobUrl, wasmUrl, moduleUrl  where the code sets and the wasm package live
//   integrity       sha-256 of the blob ("sha256-BASE64" or hex); checked before use
//   dateOfService   CSS selector of a date input, or function(input) -> date
//   mode            'practice' (help shown) | 'exam' (verdict only, no hints)
//   onResult(result, input), onSelect({code, how, item, result}, input)
//   messages        overrides for any string in claimlint/messages.js
//   serviceWorker   URL of sw.js to enable offline use, or false (default)
//   baseUrl         folder holding claimlint.js, claimlint_bg.wasm and codesets.blob
//                   (default: ../pkg/ beside this file, from import.meta.url)
//   normalize       false keeps codes as typed; default puts them in standard form
//                   when the user leaves the field ("j159" -> "J15.9")
//   whileLoading    'wait' (default): a submit waits until the code sets have loaded
//                   and the codes are checked; 'allow': it goes ahead unchecked
//   staleEdits      'apply' (default) | 'skip': edit tables used past their window
//   today           YYYY-MM-DD used for "data ends soon" notices (default: the clock)
import { loadEngine, retryEngine, readyEngine, engineComplete, engineEvents } from './claimlint/engine.js';
import { makeContext, registerClaim } from './claimlint/context.js';
import { Field } from './claimlint/field.js';
import { ClaimlintFieldElement, defineElement, fields as elementFields } from './claimlint/element.js';
import { Claim } from './claimlint/claim.js';
import { Summary } from './claimlint/summary.js';
import { Notice } from './claimlint/notice.js';
import { renderVintages } from './claimlint/vintage.js';
import { enableOffline } from './claimlint/offline.js';
import { MESSAGES } from './claimlint/messages.js';
import { todayIso } from './claimlint/dom.js';

export { MESSAGES, ClaimlintFieldElement, readyEngine, engineEvents };

const KINDS = new Set(['icd10cm', 'icd10pcs', 'hcpcs', 'cpt', 'modifier', 'units', 'pointer', 'pos', 'date']);
const upgraded = new WeakMap(); // input -> Field

defineElement();

/**
 * Upgrades the inputs under root and returns a handle:
 * { fields, claims, ready: Promise<Engine>, refresh() }.
 */
export function attach(root = document, options = {}) {
  // The engine starts loading before the fields are built: on a cached visit its files are
  // at hand at once, and building the form would otherwise hold them up (the same load is
  // awaited below; loadEngine starts one per page).
  loadEngine(options).catch(() => {});
  const ctx = makeContext(root, options);
  const scope = root === document ? document : root;
  const host = root === document ? document.documentElement : root;

  const fields = [];
  for (const input of scope.querySelectorAll('input[data-claimlint], textarea[data-claimlint]')) {
    const kind = input.dataset.claimlint;
    if (!KINDS.has(kind) || upgraded.has(input)) continue;
    const field = new Field(input, kind, ctx);
    upgraded.set(input, field);
    fields.push(field);
  }
  for (const el of scope.querySelectorAll('claimlint-field')) {
    const field = elementFields.get(el);
    if (field) {
      field.applyMode(ctx.mode);
      fields.push(field);
    }
  }
  // Document order, so the summary lists problems top to bottom.
  fields.sort((a, b) => (a.input.compareDocumentPosition(b.input) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));

  // Line 24D takes CPT or HCPCS, so an 'hcpcs' field uses both systems.
  const systemsInUse = [...new Set(fields.flatMap((f) => (f.kind === 'hcpcs' ? ['cpt', 'hcpcs'] : [f.kind])))].filter((k) =>
    ['icd10cm', 'icd10pcs', 'hcpcs', 'cpt', 'modifier'].includes(k),
  );

  const containers = [...scope.querySelectorAll('[data-claimlint-claim]')];
  if (root !== document && root.matches('[data-claimlint-claim]')) containers.unshift(root);
  const claims = containers.map((container) => {
    const inside = fields.filter((f) => container.contains(f.input));
    const claim = new Claim(container, inside, { engine: readyEngine, messages: ctx.messages, mode: ctx.mode, options, summary: new Summary(container, ctx.messages) });
    registerClaim(container, claim);
    interceptSubmit(container, claim);
    // Live: a change to any claim value that is not a validated field (charge, sex)
    // re-checks the claim at once; fields do so when they commit.
    const onEdit = (e) => {
      const el = e.target;
      if (el?.matches?.('[data-claimlint-path]') && !inside.some((f) => f.input === el)) claim.update();
    };
    container.addEventListener('input', onEdit);
    container.addEventListener('change', onEdit);
    return claim;
  });

  const refresh = () => {
    for (const f of fields) f.refresh();
    for (const c of claims) c.update();
    const engine = readyEngine();
    if (engine) renderVintages(root, engine, ctx.messages, () => ctx.dateFor(fields[0]?.input || host), systemsInUse, options.today || todayIso());
  };

  // A new date of service can change which code-set vintage applies.
  const dateSelector = typeof options.dateOfService === 'string' ? options.dateOfService : null;
  scope.addEventListener('change', (e) => {
    const t = e.target;
    if (t?.matches?.('[data-claimlint="date"]') || (dateSelector && t?.matches?.(dateSelector))) refresh();
  });

  const notice = new Notice(root, ctx.messages, () => start(retryEngine));
  // Parts after the core: each one re-checks what waited for it ('loading' answers); the
  // last one completes the load. A part that fails leaves the engine answering what it has.
  const onPart = () => refresh();
  const onComplete = () => {
    notice.ready();
    host.dataset.claimlintReady = 'true';
  };
  const onPartsFailed = (e) => {
    if (!e.detail?.partial) return;
    notice.failed(e.detail.error, () => location.reload());
    host.dataset.claimlintReady = 'partial';
  };
  engineEvents.addEventListener('part', onPart);
  engineEvents.addEventListener('complete', onComplete);
  engineEvents.addEventListener('error', onPartsFailed);
  const start = (loader) => {
    notice.loading();
    for (const f of fields) f.refresh();
    return loader(options).then(
      (engine) => {
        host.dataset.claimlintLoadMs = engine.stats.loadMs.toFixed(0);
        if (engineComplete()) onComplete();
        else if (engine.partsFailed) onPartsFailed({ detail: { error: engine.partsFailed, partial: true } });
        else host.dataset.claimlintReady = 'core';
        refresh();
        return engine;
      },
      (error) => {
        notice.failed(error);
        host.dataset.claimlintReady = 'error';
        // The data panel stops saying "Loading…": nothing is loaded (the notice says why).
        for (const el of (root === document ? document : root).querySelectorAll('[data-claimlint-vintage]')) {
          el.replaceChildren(Object.assign(document.createElement('p'), { className: 'muted', textContent: ctx.messages.dataNotLoaded }));
        }
        // Fields stop saying "Loading…": they say they are not checked.
        for (const f of fields) f.refresh();
        return null;
      },
    );
  };
  const ready = start(loadEngine);

  if (options.serviceWorker) {
    enableOffline(
      new URL(options.serviceWorker, document.baseURI).href,
      (state) => {
        // A newer build the worker would not store (a part failed its checksum).
        if (state === 'update-refused') host.dataset.claimlintUpdate = 'refused';
        else host.dataset.claimlintOffline = state;
      },
      (update) => notice.updateReady(update),
    );
  }

  // While the code sets load, a submit waits for them (default) or goes ahead
  // (options.whileLoading: 'allow'); either way fields show a pending state.
  for (const form of formsOf(scope, fields)) {
    form.addEventListener(
      'submit',
      (e) => {
        // A claim is checked against every table: the whole data set, not just the core.
        if (engineComplete() || ctx.engineFailed() || options.whileLoading === 'allow') return;
        e.preventDefault();
        e.stopImmediatePropagation();
        notice.waiting();
        const send = () => {
          engineEvents.removeEventListener('complete', send);
          if (readyEngine()) form.requestSubmit();
        };
        if (engineComplete()) send();
        else engineEvents.addEventListener('complete', send);
      },
      { capture: true },
    );
  }

  for (const c of claims) c.update();
  return { fields, claims, ready, refresh, context: ctx };
}

function formsOf(scope, fields) {
  const forms = new Set(fields.map((f) => f.input.form || f.input.closest('form')).filter(Boolean));
  if (scope.tagName === 'FORM') forms.add(scope);
  return [...forms];
}

// In a form marked novalidate the summary replaces the browser's bubbles:
// a submit with problems is stopped and focus moves to the summary.
function interceptSubmit(container, claim) {
  const form = container.tagName === 'FORM' ? container : container.querySelector('form') || container.closest('form');
  if (!form || !form.noValidate) return;
  form.addEventListener('submit', (e) => {
    for (const f of claim.fields) f.commit({ leaving: true });
    claim.update();
    if (!form.checkValidity()) {
      e.preventDefault();
      e.stopImmediatePropagation();
      claim.ctx.summary.focus();
    }
  });
}
