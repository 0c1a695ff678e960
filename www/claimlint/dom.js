// Tiny DOM helpers. Text always goes in through textContent: code-set data and
// user input are never parsed as HTML anywhere in the widgets.

let seq = 0;

/** A page-unique id with a readable prefix. */
export function uid(prefix) {
  seq += 1;
  return `claimlint-${prefix}-${seq}`;
}

/** Ensures el has an id and returns it. */
export function ensureId(el, prefix) {
  if (!el.id) el.id = uid(prefix);
  return el.id;
}

/**
 * Creates an element. props: className, text (textContent), attrs (setAttribute),
 * hidden, and on{Event} listeners. Children are nodes or strings (as text).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v == null || v === false) continue;
    if (k === 'className') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k === 'hidden') el.hidden = true;
    else if (k === 'attrs') {
      for (const [a, av] of Object.entries(v)) if (av != null) el.setAttribute(a, String(av));
    } else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else el[k] = v;
  }
  for (const c of children.flat()) if (c != null && c !== false) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

/** Adds an id token to an aria-* id-list attribute without duplicating it. */
export function addIdRef(el, attr, id) {
  const ids = (el.getAttribute(attr) || '').split(/\s+/).filter(Boolean);
  if (!ids.includes(id)) ids.push(id);
  el.setAttribute(attr, ids.join(' '));
}

/** Today's date in the user's time zone as YYYY-MM-DD. */
export function todayIso() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Accepts YYYY-MM-DD or MM/DD/YYYY; returns YYYY-MM-DD or '' when not a real date. */
export function toIsoDate(value) {
  const s = String(value || '').trim();
  let y, m, d;
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (match) [, y, m, d] = match;
  else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s))) [, m, d, y] = match;
  else return '';
  const dt = new Date(Date.UTC(+y, +m - 1, +d));
  if (dt.getUTCFullYear() !== +y || dt.getUTCMonth() !== +m - 1 || dt.getUTCDate() !== +d) return '';
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
