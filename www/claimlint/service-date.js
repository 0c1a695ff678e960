// Which date of service a field is checked against. Code sets change every
// October (ICD-10-CM) or quarter (HCPCS), so the same code can be valid on one
// line and not on another.
import { toIsoDate, todayIso } from './dom.js';

/**
 * @param {string|function|undefined} source option: CSS selector of a date input,
 *   or function(input) returning a date; default: the line's own date, else the
 *   earliest line date on the claim, else today.
 * @returns {(input: HTMLElement) => string} YYYY-MM-DD
 */
export function serviceDateResolver(source) {
  if (typeof source === 'function') return (input) => toIsoDate(source(input)) || todayIso();
  if (typeof source === 'string' && source) {
    return () => toIsoDate(document.querySelector(source)?.value) || todayIso();
  }
  return (input) => {
    const line = input.closest('[data-claimlint-line]');
    const own = line && toIsoDate(line.querySelector('[data-claimlint="date"]')?.value);
    if (own) return own;
    const claim = input.closest('[data-claimlint-claim]');
    if (claim) {
      const dates = [...claim.querySelectorAll('[data-claimlint-line] [data-claimlint="date"]')]
        .map((el) => toIsoDate(el.value))
        .filter(Boolean)
        .sort();
      if (dates.length) return dates[0];
    }
    return todayIso();
  };
}
