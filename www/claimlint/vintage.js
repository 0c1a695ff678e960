// Fills [data-claimlint-vintage] elements (the data panel): the code-set vintages in
// the blob, marking the one that applies to the date of service; every table with its
// window and "current through" date; notices when a table's window has ended or ends
// within 30 days, or when the date of service is past a table; and, once, the note
// that CPT is checked by number only.
import { h } from './dom.js';
import { fmt } from './messages.js';
import { tableNotices } from './currency.js';

/**
 * @param {string[]} systems code systems the page's fields use; those with no
 *   data in the blob are listed as checked by format only.
 * @param {string} today YYYY-MM-DD for the "ends soon" notices
 */
export function renderVintages(root, engine, messages, serviceDate, systems = [], today = '') {
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
    const notices = tableNotices(engine.tables, { today, on }).map((n) =>
      h('li', { className: `cl-data-notice cl-data-notice--${n.kind}`, attrs: { 'data-tables': n.ids.join(' '), 'data-kind': n.kind } }, fmt(messages[n.message], n)),
    );
    const tables = Array.isArray(engine.info.tables) ? tableList(engine.tables, messages) : null;
    const missing = systems.filter((sys) => !engine.hasSystem(sys)).map((sys) => messages.systemName[sys] || sys);
    const note = missing.length ? h('p', { className: 'cl-vintages__missing', text: fmt(messages.formatOnlySystems, { names: missing.join(', ') }) }) : null;
    const cpt = systems.includes('cpt') && engine.hasSystem('cpt') && !engine.cptLicensed ? h('p', { className: 'cl-vintages__cpt', text: messages.cptLicence }) : null;
    // replaceChildren would turn a null into the text "null".
    el.replaceChildren(
      ...[
        notices.length ? h('ul', { className: 'cl-data-notices', attrs: { 'aria-label': 'Data notices' } }, notices) : null,
        h('ul', { className: 'cl-vintages' }, items),
        tables,
        note,
        cpt,
      ].filter(Boolean),
    );
  }
}

/** Every table the engine reports, with its window and the date it is current through. */
function tableList(tables, messages) {
  return h(
    'ul',
    { className: 'cl-tables', attrs: { 'aria-label': 'Tables loaded' } },
    tables.map((t) =>
      h(
        'li',
        { className: 'cl-table', attrs: { 'data-table': t.id } },
        h('span', { className: 'cl-table__label', text: fmt(messages.tableWindow, { label: t.label || t.id, from: t.validFrom, to: t.validTo }) }),
        t.currentThrough ? h('span', { className: 'cl-table__current', text: fmt(messages.tableCurrentThrough, { date: t.currentThrough }) }) : null,
      ),
    ),
  );
}

/** "ICD-10-CM FY2026": the blob's label ("FY2026") with the system's name in front. */
export function vintageName(v, messages) {
  const system = messages.systemName[v.system] || v.system;
  return String(v.label).includes(system) ? v.label : `${system} ${v.label}`;
}
