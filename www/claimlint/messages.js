// Every string the widgets show or announce, in one overridable table.
// Values are plain strings or functions of named parameters; attach() merges
// options.messages over these so a host page can translate or reword any of them.

export const MESSAGES = {
  // Field states: a short label shown next to an icon (never colour alone).
  state: {
    loading: 'Loading code sets…',
    empty: '',
    prefix: 'Keep typing',
    header: 'Not billable — needs more characters',
    billable: 'Billable',
    valid: 'Valid',
    invalid_format: 'Not a valid code',
    unknown: 'Not found',
    inactive: 'Not valid on this date',
    no_data_for_date: 'No code set for this date',
    format_ok: 'Format OK',
    error: 'Could not check',
    attention: 'Needs attention',
  },
  // Why a value blocks the form, when no finding says it better.
  validity: {
    prefix: 'The code is incomplete.',
    header: 'The code is a category and cannot be billed; choose a more specific code.',
    no_data_for_date: 'No code set is loaded for the date of service.',
  },
  // Screen-reader-only icon names; the icons themselves are aria-hidden.
  icon: { ok: 'OK', error: 'Error', warning: 'Warning', info: 'Info', busy: 'Working' },

  systemName: { icd10cm: 'ICD-10-CM', icd10pcs: 'ICD-10-PCS', hcpcs: 'HCPCS', cpt: 'CPT', modifier: 'Modifiers' },

  fieldKind: {
    icd10cm: 'ICD-10-CM diagnosis',
    icd10pcs: 'ICD-10-PCS procedure',
    hcpcs: 'HCPCS or CPT code',
    cpt: 'CPT code',
    modifier: 'modifier',
    units: 'units',
    pointer: 'diagnosis pointer',
    pos: 'place of service',
    date: 'date',
  },

  prefixHint: ({ count }) => (count ? `Valid start — ${count} matching codes` : 'Valid start of a code'),
  headerHint: ({ code }) => `${code} is a category. Choose a more specific code below.`,
  useSuggestion: ({ code }) => `Use ${code}`,
  useSuggestionLabel: ({ code, description }) => (description ? `Use ${code}: ${description}` : `Use ${code}`),
  required: 'Please fill in this field.',
  notBillable: 'not billable',
  billableTag: 'billable',
  completionsLabel: ({ kind }) => `Matching ${kind} codes`,
  completionsCount: ({ count }) => (count === 1 ? '1 suggestion available.' : `${count} suggestions available.`),
  formatOnlySystems: ({ names }) => `No data loaded for ${names}: those codes are checked for format only.`,
  fixedTo: ({ code }) => `Changed to ${code}.`,
  vintageFor: ({ label, from, to }) => `${label} (valid ${from} to ${to})`,
  foundIn: ({ source }) => `Source: ${source}`,
  vintageActive: ({ on }) => `In use for ${on}`,

  // Local (JavaScript) checks for kinds the engine does not cover.
  local: {
    units: 'Enter a whole number of units (1 or more).',
    unitsHigh: ({ units }) => `${units} units is unusually high; check the quantity.`,
    pointerFormat: 'Use one to four letters A–L, e.g. AB.',
    pointerDuplicate: ({ letter }) => `Pointer ${letter} is listed twice.`,
    pointerEmpty: ({ letter, line }) => `Line ${line}: pointer ${letter} refers to diagnosis ${letter}, which is empty.`,
    pointerMissing: ({ line }) => `Line ${line}: point to at least one diagnosis (A–L).`,
    posFormat: 'Place of service is two digits, e.g. 11 for office.',
    posUnknown: ({ code }) => `${code} is not a place-of-service code we know; check the CMS list.`,
    dateFormat: 'Enter a valid date.',
    dateFuture: 'The date is in the future.',
    modifierFormat: 'A modifier is two letters or digits, e.g. 25 or LT.',
    cptFormat: 'A CPT code is five digits, or four digits and F, T or U.',
    hcpcsFormat: 'A HCPCS Level II code is a letter and four digits, e.g. J1100.',
    procedureFormat: 'Enter a CPT code (five digits) or a HCPCS code (letter and four digits).',
    icdFormat: 'Not shaped like a code of this system.',
  },

  // Engine loading and offline.
  loading: 'Loading code sets…',
  loadingProgress: ({ percent }) => `Loading code sets… ${percent}%`,
  ready: ({ label }) => `Code sets ready: ${label}`,
  retry: 'Try again',
  loadFailed: 'The code sets could not be loaded.',
  errors: {
    NETWORK: 'The code sets could not be downloaded. Check the connection and try again.',
    PARTIAL: 'The code-set download stopped part way. Try again.',
    INTEGRITY: 'The downloaded code sets do not match the expected checksum, so they were not used.',
    BLOB_CHECKSUM: 'The code-set file is damaged (checksum failed).',
    BLOB_TRUNCATED: 'The code-set file is incomplete.',
    BLOB_BAD_MAGIC: 'The file downloaded is not a claimlint code-set file.',
    WASM: 'The validator could not start in this browser.',
    UNKNOWN: 'The validator could not start.',
  },
  offlineReady: 'Works offline',
  offlinePending: 'Preparing offline use…',

  // Claim summary.
  summaryTitleNone: 'No problems found',
  summaryTitle: ({ count }) => (count === 1 ? '1 problem on this claim' : `${count} problems on this claim`),
  summaryIntro: 'Select a problem to go to its field.',
  summaryEmptyClaim: 'Enter diagnoses and service lines; problems will be listed here.',
  severity: { error: 'Error', warning: 'Warning', info: 'Note' },
  claimLocation: ({ label }) => label,
};

/** Deep-merges overrides into the default table (objects merge, everything else replaces). */
export function mergeMessages(base, overrides) {
  if (!overrides) return base;
  const out = { ...base };
  for (const [k, v] of Object.entries(overrides)) {
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && typeof base[k] === 'object' ? mergeMessages(base[k], v) : v;
  }
  return out;
}

/** Resolves a message that may be a template function. */
export function fmt(msg, params = {}) {
  return typeof msg === 'function' ? msg(params) : (msg ?? '');
}
