// Routes one input value to the right check: the wasm engine for code systems
// it has data for, local JavaScript checks for everything else. Never throws.
import * as local from './local-checks.js';

export const ENGINE_KINDS = new Set(['icd10cm', 'icd10pcs', 'hcpcs', 'cpt', 'modifier']);

const SEARCH_MIN = 3;
const SEARCH_LIMIT = 10;
// The engine reads at most 64 characters of a code and 200 of a query: a pasted megabyte is
// cut here rather than copied into wasm and back on every keystroke.
export const MAX_SENT = 256;

/**
 * @param {string} kind  data-claimlint value
 * @param {string} input raw input value
 * @param {{engine: object|null, on: string, messages: object}} ctx
 */
export function runCheck(kind, input, ctx) {
  const { engine, on, messages } = ctx;
  switch (kind) {
    case 'units':
      return local.checkUnits(input, messages);
    case 'pointer':
      return local.checkPointer(input, messages);
    case 'pos':
      return local.checkPos(input, messages);
    case 'date':
      return local.checkDate(input, messages);
    default:
      break;
  }
  if (!ENGINE_KINDS.has(kind)) return local.result(kind, input);
  if (input.length > MAX_SENT) input = input.slice(0, MAX_SENT);
  if (!input.trim()) return local.result(kind, input);
  if (!engine) return local.result(kind, input, { state: ctx.failed ? 'unavailable' : 'loading' });

  const system = kind === 'hcpcs' ? local.procedureSystem(input) : kind;
  if (!engine.hasSystem(system)) return local.formatOnly(system, input, messages);
  let res;
  try {
    res = engine.checkCode(system, input, on);
  } catch (e) {
    return local.result(system, input, {
      state: 'error',
      findings: [{ rule: e?.code || 'ENGINE', severity: 'error', message: String(e?.message || e), suggestions: [], source: 'claimlint', vintage: null }],
    });
  }
  res = { completions: [], findings: [], ...res };
  // Typed words rather than a code: offer full-text matches when the engine can search.
  if (engine.canSearch && !res.completions.length && input.trim().length >= SEARCH_MIN && res.state !== 'billable') {
    const hits = engine.search(input.trim(), { systems: searchSystems(kind, system), limit: SEARCH_LIMIT, on });
    res.completions = hits.map((h) => ({ code: h.code, description: h.description, billable: h.billable }));
    // Words are a search, not a malformed code: say what was found (or what to try), not
    // "DM2 w CKD looks like an ICD-10-PCS code".
    if (looksLikeWords(input) && !['header', 'prefix'].includes(res.state)) {
      return { ...res, state: 'search', code: '', description: null, findings: [] };
    }
  }
  return res;
}

/** A procedure field searches CPT and HCPCS together; other fields their own system. */
function searchSystems(kind, system) {
  return kind === 'hcpcs' ? ['hcpcs', 'cpt'] : [system];
}

/** Words rather than a code: a space between letters, or a run of four or more letters. */
export function looksLikeWords(input) {
  const s = input.trim();
  return /[A-Za-z]\S*\s+\S/.test(s) || /[A-Za-z]{4,}/.test(s);
}
