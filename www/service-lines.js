// The charge-entry page's service lines after the first are copies of line 1, made by the boot
// script (www/boot.js) rather than parsed from the HTML: the page's HTML holds one line and
// says how many it has (<div class="lines" data-claimlint-lines="6">). Five lines of ten fields
// each are most of the form; a cached visit then parses, commits and hands the browser's form
// autofill (at DOMContentLoaded) a sixth of the service-line fields before its engine starts, and
// adds the other lines, hidden, once the engine is in (before the page is shown).

/**
 * Adds copies of the first line to each lines container (`[data-claimlint-lines="N"]`) until it
 * holds N. Copy n is line 1 with its number changed: ids, names and labels' `for` (l1- → ln-),
 * accessible names ("Line 1 …" → "Line n …"), the legend's number, the charge's claim path
 * (/lines/0/ → /lines/n-1/), and without line 1's default (only line 1 starts at today's date).
 */
export function addServiceLines(doc = document) {
  for (const box of doc.querySelectorAll('[data-claimlint-lines]')) {
    const lines = box.querySelectorAll(':scope > [data-claimlint-line]');
    const want = Number(box.dataset.claimlintLines) || 0;
    if (!lines.length) continue;
    for (let n = lines.length + 1; n <= want; n++) box.append(copyLine(lines[0], n));
  }
}

const RENAMED = ['id', 'name', 'for'];
const NAMED = ['data-claimlint-label', 'aria-label'];

function copyLine(first, n) {
  const line = first.cloneNode(true);
  for (const el of [line, ...line.querySelectorAll('*')]) {
    for (const attr of RENAMED) if (el.hasAttribute(attr)) el.setAttribute(attr, el.getAttribute(attr).replace(/^l1-/, `l${n}-`));
    for (const attr of NAMED) if (el.hasAttribute(attr)) el.setAttribute(attr, el.getAttribute(attr).replace(/^Line 1 /, `Line ${n} `));
    const path = el.getAttribute('data-claimlint-path');
    if (path) el.setAttribute('data-claimlint-path', path.replace(/^\/lines\/0\//, `/lines/${n - 1}/`));
    el.removeAttribute('data-claimlint-default');
  }
  // The legend's number and the hidden labels' words ("Line 1 modifier 1").
  const walker = line.ownerDocument.createTreeWalker(line, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (text.data === '1' && text.parentElement?.matches('legend')) text.data = String(n);
    else if (text.data.startsWith('Line 1 ')) text.data = `Line ${n} ${text.data.slice(7)}`;
  }
  return line;
}
