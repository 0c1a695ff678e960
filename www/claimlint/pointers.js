// Client-side claim check used when the engine has no checkClaim yet:
// every diagnosis pointer (CMS-1500 item 24E) must name a filled diagnosis
// (item 21, A–L), and a service line with a code needs at least one pointer.
import { fmt } from './messages.js';
import { parsePointers } from './local-checks.js';

const LETTERS = 'ABCDEFGHIJKL';
const SOURCE = 'CMS-1500 instructions, items 21 and 24E';

export function pointerFindings(claim, messages) {
  const findings = [];
  const dx = claim.diagnoses || [];
  (claim.lines || []).forEach((line, j) => {
    if (!line) return;
    const at = `/lines/${j}/pointers`;
    const raw = String(line.pointers ?? '');
    const letters = parsePointers(raw) || [];
    if (!letters.length && !raw.trim()) {
      if (String(line.code || '').trim()) {
        findings.push(mk('PTR-MISSING', fmt(messages.local.pointerMissing, { line: j + 1 }), at));
      }
      return;
    }
    for (const letter of new Set(letters)) {
      const filled = String(dx[LETTERS.indexOf(letter)] || '').trim();
      if (!filled) findings.push(mk('PTR-EMPTY', fmt(messages.local.pointerEmpty, { letter, line: j + 1 }), at));
    }
  });
  return findings;
}

function mk(rule, message, location) {
  return { rule, severity: 'error', message, suggestions: [], source: SOURCE, vintage: null, location };
}
