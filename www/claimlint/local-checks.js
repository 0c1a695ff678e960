// Checks done in JavaScript for inputs the engine does not (yet) cover:
// units, pointers, place of service, dates, and a format-only fallback for
// code systems whose data is not in the loaded blob. Results have the same
// shape as Validator.checkCode so the field renders them the same way.
import { fmt } from './messages.js';
import { PLACES_OF_SERVICE } from './pos.js';
import { toIsoDate, todayIso } from './dom.js';

const SOURCE = 'claimlint form checks';

export function result(kind, input, fields) {
  return { system: kind, input, code: '', state: 'empty', billable: false, description: null, vintage: null, completions: [], findings: [], ...fields };
}

function finding(rule, severity, message, extra) {
  return { rule, severity, message, suggestions: [], source: SOURCE, vintage: null, ...extra };
}

const FORMATS = {
  icd10cm: /^[A-Z][0-9][0-9A-Z](?:\.?[0-9A-Z]{1,4})?$/,
  icd10pcs: /^[0-9A-HJ-NP-Z]{7}$/,
  cpt: /^(?:[0-9]{5}|[0-9]{4}[FTU])$/,
  hcpcs: /^[A-V][0-9]{4}$/,
  modifier: /^[A-Z0-9]{2}$/,
};
const FORMAT_MESSAGE = { icd10cm: 'icdFormat', icd10pcs: 'icdFormat', cpt: 'cptFormat', hcpcs: 'hcpcsFormat', modifier: 'modifierFormat' };

/** Format-only check for a code system with no data loaded. */
export function formatOnly(system, input, messages) {
  const code = input.trim().toUpperCase();
  if (!code) return result(system, input);
  if (FORMATS[system]?.test(code)) {
    // No per-field note: the vintage panel says once which code sets are missing.
    return result(system, input, { code, state: 'format_ok' });
  }
  return result(system, input, {
    code,
    state: 'invalid_format',
    findings: [finding('FORMAT', 'error', messages.local[FORMAT_MESSAGE[system]] || messages.local.icdFormat)],
  });
}

/** Line 24D accepts CPT (Level I, digits first) or HCPCS Level II (letter first). */
export function procedureSystem(input) {
  return /^\s*[0-9]/.test(input) ? 'cpt' : 'hcpcs';
}

export function checkUnits(input, messages) {
  const s = input.trim();
  if (!s) return result('units', input);
  if (!/^\d{1,4}(?:\.\d{1,3})?$/.test(s) || Number(s) <= 0) {
    return result('units', input, { code: s, state: 'invalid_format', findings: [finding('UNITS-FORMAT', 'error', messages.local.units)] });
  }
  const findings = Number(s) > 999 ? [finding('UNITS-HIGH', 'warning', fmt(messages.local.unitsHigh, { units: s }))] : [];
  return result('units', input, { code: s, state: 'valid', findings });
}

/** Parses "A B", "a,b" or "AB" into letters; null when any character is not A–L. */
export function parsePointers(input) {
  const s = input.toUpperCase().replace(/[\s,;]+/g, '');
  if (!/^[A-L]*$/.test(s)) return null;
  return [...s];
}

export function checkPointer(input, messages) {
  const letters = parsePointers(input);
  if (!input.trim()) return result('pointer', input);
  if (!letters || letters.length > 4) {
    return result('pointer', input, { state: 'invalid_format', findings: [finding('PTR-FORMAT', 'error', messages.local.pointerFormat)] });
  }
  const dup = letters.find((l, i) => letters.indexOf(l) !== i);
  if (dup) {
    return result('pointer', input, { code: letters.join(''), state: 'invalid_format', findings: [finding('PTR-DUPLICATE', 'error', fmt(messages.local.pointerDuplicate, { letter: dup }))] });
  }
  return result('pointer', input, { code: letters.join(''), state: 'valid' });
}

export function checkPos(input, messages) {
  const s = input.trim();
  if (!s) return result('pos', input);
  const completions = posCompletions(s);
  if (/^\d$/.test(s)) return result('pos', input, { code: s, state: 'prefix', completions });
  if (!/^\d{2}$/.test(s)) {
    // A name typed instead of a number still offers matching places.
    return result('pos', input, { state: completions.length ? 'prefix' : 'invalid_format', completions, findings: completions.length ? [] : [finding('POS-FORMAT', 'error', messages.local.posFormat)] });
  }
  const description = PLACES_OF_SERVICE[s];
  if (!description) {
    return result('pos', input, { code: s, state: 'unknown', findings: [finding('POS-UNKNOWN', 'warning', fmt(messages.local.posUnknown, { code: s }))] });
  }
  return result('pos', input, { code: s, state: 'valid', description });
}

function posCompletions(s) {
  const q = s.toLowerCase();
  return Object.entries(PLACES_OF_SERVICE)
    .filter(([code, name]) => code.startsWith(q) || (q.length > 1 && name.toLowerCase().includes(q)))
    .slice(0, 12)
    .map(([code, description]) => ({ code, description }));
}

export function checkDate(input, messages) {
  const s = input.trim();
  if (!s) return result('date', input);
  const iso = toIsoDate(s);
  if (!iso) return result('date', input, { state: 'invalid_format', findings: [finding('DATE-FORMAT', 'error', messages.local.dateFormat)] });
  const findings = iso > todayIso() ? [finding('DATE-FUTURE', 'warning', messages.local.dateFuture)] : [];
  return result('date', input, { code: iso, state: 'valid', findings });
}
