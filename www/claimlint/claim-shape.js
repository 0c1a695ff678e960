// Turns the form's raw claim (values by JSON pointer, as typed) into the
// engine's claim model (src/claim/model.rs): diagnoses as {code}, pointers as
// letter arrays, numbers as numbers, empty lines and empty modifiers dropped.
// Dropping shifts indexes, so it also returns locate(), which maps a finding's
// location in the engine claim back to the form's own path.
import { parsePointers } from './local-checks.js';
import { todayIso, toIsoDate } from './dom.js';

const blank = (v) => v == null || String(v).trim() === '';
const num = (v) => (blank(v) || !Number.isFinite(Number(v)) ? undefined : Number(v));

export function toEngineClaim(raw, claimType = 'professional') {
  const back = []; // [enginePrefix, rawPrefix], most specific first when searched
  const claim = { claimType, today: todayIso(), patient: {}, diagnoses: [], lines: [] };
  const facility = claimType === 'outpatient' || claimType === 'inpatient';
  if (facility) Object.assign(claim, facilityHeader(raw));

  const p = raw.patient || {};
  if (!blank(p.sex)) claim.patient.sex = String(p.sex);
  if (!blank(p.dateOfBirth)) claim.patient.dateOfBirth = toIsoDate(p.dateOfBirth) || String(p.dateOfBirth);

  // A diagnosis's letter is its position: keep gaps (the engine reports them), trim the tail.
  const dx = (raw.diagnoses || []).map((c) => ({ code: String(c ?? '').trim() }));
  while (dx.length && !dx.at(-1).code) dx.pop();
  claim.diagnoses = dx;

  (raw.lines || []).forEach((line, i) => {
    // A line with nothing but its date (the form fills in today's) is not a service line yet.
    if (!line || Object.entries(line).every(([k, v]) => k === 'dateFrom' || (Array.isArray(v) ? v.every(blank) : blank(v)))) return;
    const j = claim.lines.length;
    back.push([`/lines/${j}`, `/lines/${i}`]);
    // A date typed as 09/30/2026 goes to the engine as 2026-09-30.
    const dateFrom = String(line.dateFrom ?? '').trim();
    const out = { dateFrom: toIsoDate(dateFrom) || dateFrom, code: String(line.code ?? '').trim(), pointers: [] };
    if (!blank(line.pos)) out.pos = String(line.pos).trim();
    if (!blank(line.revenueCode)) out.revenueCode = String(line.revenueCode).trim();
    if (num(line.nonCoveredCharge) !== undefined) out.nonCoveredCharge = num(line.nonCoveredCharge);
    const mods = [];
    (line.modifiers || []).forEach((m, k) => {
      if (blank(m)) return;
      back.push([`/lines/${j}/modifiers/${mods.length}`, `/lines/${i}/modifiers/${k}`]);
      mods.push(String(m).trim().toUpperCase());
    });
    if (mods.length) out.modifiers = mods;
    // Facility lines carry no diagnosis pointers (UB-04 has none).
    if (facility) delete out.pointers;
    else out.pointers = parsePointers(String(line.pointers ?? '')) || [String(line.pointers)];
    if (num(line.units) !== undefined) out.units = num(line.units);
    if (num(line.charge) !== undefined) out.charge = num(line.charge);
    claim.lines.push(out);
  });

  back.sort((a, b) => b[0].length - a[0].length);
  const locate = (location) => {
    if (!location) return location;
    for (const [from, to] of back) {
      if (location === from || location.startsWith(from + '/')) return to + location.slice(from.length);
    }
    return location;
  };
  return { claim, locate };
}

// The UB-04 / 837I header: type of bill, statement period, receipt date, payment system, reasons for visit.
function facilityHeader(raw) {
  const out = {};
  if (!blank(raw.billType)) out.billType = String(raw.billType).trim();
  for (const key of ['statementFrom', 'statementThrough', 'receiptDate']) {
    if (!blank(raw[key])) out[key] = toIsoDate(String(raw[key]).trim()) || String(raw[key]).trim();
  }
  if (!blank(raw.opps)) out.opps = String(raw.opps) !== 'false';
  // Positions are kept (a finding names /reasonForVisit/N); only the empty tail is dropped.
  const rfv = (raw.reasonForVisit || []).map((c) => String(c ?? '').trim());
  while (rfv.length && !rfv.at(-1)) rfv.pop();
  if (rfv.length) out.reasonForVisit = rfv;
  return out;
}
