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
import { loadEngine, retryEngine, readyEngine, engineEvents } from './claimlint/engine.js';
import { makeContext, registerClaim } from './claimlint/context.js';
import { Field } from './claimlint/field.js';
import { ClaimlintFieldElement, defineElement, fields as elementFields } from './claimlint/element.js';
import { Claim } from './claimlint/claim.js';
import { Summary } from './claimlint/summary.js';
import { Notice } from './claimlint/notice.js';
import { renderVintages } from './claimlint/vintage.js';
import { enableOffline } from './claimlint/offline.js';
import { MESSAGES } from './claimlint/messages.js';

export { MESSAGES, ClaimlintFieldElement, readyEngine, engineEvents };

const KINDS = new Set(['icd10cm', 'icd10pcs', 'hcpcs', 'cpt', 'modifier', 'units', 'pointer', 'pos', 'date']);
const upgraded = new WeakMap(); // input -> Field

defineElement();

/**
 * Upgrades the inputs under root and returns a handle:
 * { fields, claims, ready: Promise<Engine>, refresh() }.
 */
export function attach(root = document, options = {}) {
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
    const claim = new Claim(container, inside, { engine: readyEngine, messages: ctx.messages, mode: ctx.mode, summary: new Summary(container, ctx.messages) });
    registerClaim(container, claim);
    interceptSubmit(container, claim);
    return claim;
  });

  const refresh = () => {
    for (const f of fields) f.refresh();
    for (const c of claims) c.update();
    const engine = readyEngine();
    if (engine) renderVintages(root, engine, ctx.messages, () => ctx.dateFor(fields[0]?.input || host), systemsInUse);
  };

  // A new date of service can change which code-set vintage applies.
  const dateSelector = typeof options.dateOfService === 'string' ? options.dateOfService : null;
  scope.addEventListener('change', (e) => {
    const t = e.target;
    if (t?.matches?.('[data-claimlint="date"]') || (dateSelector && t?.matches?.(dateSelector))) refresh();
  });

  const notice = new Notice(root, ctx.messages, () => start(retryEngine));
  const start = (loader) => {
    notice.loading();
    for (const f of fields) f.refresh();
    return loader(options).then(
      (engine) => {
        notice.ready();
        host.dataset.claimlintReady = 'true';
        host.dataset.claimlintLoadMs = engine.stats.loadMs.toFixed(0);
        refresh();
        return engine;
      },
      (error) => {
        notice.failed(error);
        host.dataset.claimlintReady = 'error';
        return null;
      },
    );
  };
  const ready = start(loadEngine);

  if (options.serviceWorker) {
    enableOffline(new URL(options.serviceWorker, document.baseURI).href, (state) => {
      host.dataset.claimlintOffline = state;
    });
  }

  for (const c of claims) c.update();
  return { fields, claims, ready, refresh, context: ctx };
}

// In a form marked novalidate the summary replaces the browser's bubbles:
// a submit with problems is stopped and focus moves to the summary.
function interceptSubmit(container, claim) {
  const form = container.tagName === 'FORM' ? container : container.querySelector('form') || container.closest('form');
  if (!form || !form.noValidate) return;
  form.addEventListener('submit', (e) => {
    for (const f of claim.fields) f.commit();
    claim.update();
    if (!form.checkValidity()) {
      e.preventDefault();
      e.stopImmediatePropagation();
      claim.ctx.summary.focus();
    }
  });
}
