// Fills [data-claimlint-vintage] elements with the data vintages in the blob,
// marking the one that applies to the current date of service.
import { h } from './dom.js';
import { fmt } from './messages.js';

/**
 * @param {string[]} systems code systems the page's fields use; those with no
 *   data in the blob are listed as checked by format only.
 */
export function renderVintages(root, engine, messages, serviceDate, systems = []) {
  const scope = root === document ? document : root;
  for (const el of scope.querySelectorAll('[data-claimlint-vintage]')) {
    const on = serviceDate();
    const items = (engine.info.vintages || []).map((v) => {
      const active = (!v.validFrom || v.validFrom <= on) && (!v.validTo || on <= v.validTo);
      return h(
        'li',
        { className: active ? 'cl-vintage cl-vintage--active' : 'cl-vintage', attrs: { 'data-system': v.system, 'data-active': active ? 'true' : 'false' } },
        h('span', { className: 'cl-vintage__label', text: fmt(messages.vintageFor, { label: vintageName(v, messages), from: v.validFrom, to: v.validTo }) }),
        active ? h('span', { className: 'cl-vintage__badge', text: fmt(messages.vintageActive, { on }) }) : null,
        v.source ? h('span', { className: 'cl-vintage__source', text: fmt(messages.foundIn, { source: v.source }) }) : null,
      );
    });
    const missing = systems.filter((sys) => !engine.hasSystem(sys)).map((sys) => messages.systemName[sys] || sys);
    const note = missing.length ? h('p', { className: 'cl-vintages__missing', text: fmt(messages.formatOnlySystems, { names: missing.join(', ') }) }) : null;
    // replaceChildren would turn a null into the text "null".
    el.replaceChildren(...[h('ul', { className: 'cl-vintages' }, items), note].filter(Boolean));
  }
}

/** "ICD-10-CM FY2026": the blob's label ("FY2026") with the system's name in front. */
export function vintageName(v, messages) {
  const system = messages.systemName[v.system] || v.system;
  return String(v.label).includes(system) ? v.label : `${system} ${v.label}`;
}
