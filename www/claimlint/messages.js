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
    // While the user is still typing, a value that is not (yet) a code is not an error.
    pending: 'Keep typing',
    // Words typed in a code field: a search.
    search: 'Search',
    // The validator could not start (the field is not checked).
    unavailable: 'Not checked',
  },
  // Labels that depend on the kind of field: a modifier is not "billable", units are not a "code".
  stateByKind: {
    modifier: { billable: 'Valid modifier', valid: 'Valid modifier', invalid_format: 'Not a valid modifier', unknown: 'Unknown modifier', format_ok: 'Modifier format OK' },
    units: { valid: 'Valid', invalid_format: 'Not a valid number of units' },
    date: { valid: 'Valid date', invalid_format: 'Not a valid date' },
    pointer: { valid: 'Valid', invalid_format: 'Not a valid pointer' },
    pos: { invalid_format: 'Not a place-of-service code', unknown: 'Unlisted place of service' },
  },
  // Why a value blocks the form, when no finding says it better.
  validity: {
    prefix: 'The code is incomplete.',
    header: 'The code is a category and cannot be billed; choose a more specific code.',
    no_data_for_date: 'No code set is loaded for the date of service.',
    search: 'Choose a code from the list; words are not a code.',
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
  tableWindow: ({ label, from, to }) => (from || to ? `${label}: ${from || '…'} to ${to || '…'}` : label),
  tableCurrentThrough: ({ date }) => `current through ${date}`,
  // Data currency notices; `tables` is a list like "MUE practitioner (ended 2026-06-30)".
  tableEnded: ({ tables }) => `Data past its window: ${tables}. Load newer data; findings from these tables may be out of date.`,
  tableEnding: ({ tables }) => `Data ending within 30 days: ${tables}. Newer data will be needed after that.`,
  tablePastService: ({ tables, on, edits, codeSets }) =>
    [
      `The date of service ${on} is after the end of ${tables}.`,
      edits ? 'Edits are applied from their newest release and marked as stale.' : '',
      codeSets ? 'Codes are not checked against a code set for a date it does not cover.' : '',
    ]
      .filter(Boolean)
      .join(' '),
  cptLicence:
    'CPT codes are checked by number only: CPT descriptions are copyrighted by the AMA and are not in the public data. A licensed user can compile them in (claimlint compile --cpt).',
  searchHits: ({ count, query }) => `${count === 1 ? '1 code matches' : `${count} codes match`} “${query}”. Choose one from the list.`,
  searchNone: ({ query }) =>
    `No code matches “${query}”. Try fewer or other words (for example “type 2 diabetes kidney”), a common abbreviation (DM2, HTN, CKD), or type the code itself.`,
  dateTyped: ({ value }) => value,

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
  loadingLabel: 'Code sets downloaded',
  // After the first part: codes can be checked; the rest is still coming (`parts`: the names
  // of the parts still downloading, together; `part`: the first of them).
  loadingMore: ({ parts, percent }) => `ICD-10-CM codes can be checked now. Loading ${parts.join('; ')}… ${percent}% of all code sets`,
  // Sizes come in human units ("640 KB", "8.1 MB").
  partProgress: ({ part, loaded, total }) => `${part}: ${loaded} of ${total}`,
  partDone: ({ part, total }) => `${part}: ${total}, ready`,
  partNames: {
    core: 'ICD-10-CM codes',
    titles: 'titles, procedure codes and search',
    claim: 'claim tables',
    outpatient: 'outpatient facility edits (I/OCE)',
    ptp: 'NCCI PTP edits',
  },
  ready: ({ label }) => `Code sets ready: ${label}`,
  retry: 'Try again',
  loadFailed: 'The code sets could not be loaded.',
  errors: {
    NETWORK: 'The code sets could not be downloaded. Check the connection and try again.',
    OFFLINE: 'You are offline, and what this page needs to check codes is not stored on this device: it has not been opened here while online. Connect to the internet and try again.',
    PARTIAL: 'The code-set download stopped part way. Try again.',
    INTEGRITY: 'The downloaded code sets do not match the expected checksum, so they were not used.',
    BLOB_CHECKSUM: 'The code-set file is damaged (checksum failed).',
    BLOB_TRUNCATED: 'The code-set file is incomplete.',
    BLOB_BAD_MAGIC: 'The file downloaded is not a claimlint code-set file.',
    WASM: 'The validator could not start in this browser.',
    CSP: "This page's Content-Security-Policy does not allow WebAssembly, so codes cannot be checked here. The site must add 'wasm-unsafe-eval' to its script-src directive; trying again will not help.",
    UNKNOWN: 'The validator could not start.',
  },
  // A part after the core that could not be had (`part`: its name from partNames); the parts
  // before it answer. By error code; the others say `errors`.
  partErrors: {
    OFFLINE: ({ part }) => `Codes are checked from what this device has stored, but the ${part} are not stored on it: this page has not finished loading here while online. Connect to the internet and reload to add them.`,
  },
  dataNotLoaded: 'No code sets loaded.',
  offlineReady: 'Works offline',
  offlinePending: 'Preparing offline use…',
  updateReady: 'Newer code sets have been downloaded.',
  updateReload: 'Use them now (reload)',
  shellUpdateReady: 'A newer version of this page has been downloaded.',
  shellUpdateReload: 'Use it now (reload)',
  submitWaiting: 'The code sets are still loading; the form will be sent once its codes have been checked.',

  // Claim summary.
  summaryTitleNone: 'No problems found',
  summaryNotes: 'Notes on this claim',
  summaryTitleWaiting: 'Claim checks not run yet',
  summaryWaiting: 'Some code-set tables are still downloading: codes are checked now; claim-level checks (NCCI pairs, MUE, MCE) follow when every table is in.',
  summaryTitle: ({ count }) => (count === 1 ? '1 problem on this claim' : `${count} problems on this claim`),
  summaryIntro: 'Select a problem to go to its field.',
  summaryEmptyClaim: 'Enter diagnoses and service lines; problems will be listed here.',
  summaryTitleEmpty: 'Nothing to check yet',
  summaryTitleUnchecked: 'Claim not checked yet',
  summaryUnchecked: 'The code sets are not loaded, so only the form itself was checked; the claim is checked as soon as they are in.',
  summaryChecked: ({ diagnoses, lines }) =>
    `Checked just now: ${diagnoses === 1 ? '1 diagnosis' : `${diagnoses} diagnoses`} and ${lines === 1 ? '1 service line' : `${lines} service lines`}.`,
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
