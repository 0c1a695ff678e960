// Loads the wasm validator and the code-set blob once per page and shares them.
//
// Where the files are: by default beside this module's package, resolved from
// import.meta.url (www/claimlint/engine.js -> ../../pkg/), so the page, a CDN or
// an npm install with the same relative layout all work without options. A host
// that keeps the data elsewhere passes baseUrl (the folder holding claimlint.js,
// claimlint_bg.wasm and codesets.blob) or moduleUrl / wasmUrl / blobUrl one by one.
//
// Every field on the page awaits the same module-level promise, so ten inputs
// cost one download and one Validator. A failed load clears the promise so the
// "Try again" path starts over (with cache: 'reload' to skip a bad cached copy).

const PKG = new URL('../../pkg/', import.meta.url).href;

/** The three file URLs for a package folder. */
export function packageUrls(base = PKG) {
  const dir = new URL(base, document.baseURI);
  if (!dir.pathname.endsWith('/')) dir.pathname += '/';
  return {
    moduleUrl: new URL('claimlint.js', dir).href,
    wasmUrl: new URL('claimlint_bg.wasm', dir).href,
    blobUrl: new URL('codesets.blob', dir).href,
  };
}

/** Error with a stable `.code` the UI maps to a message (see messages.errors). */
export class EngineError extends Error {
  constructor(code, message, cause) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    if (cause) this.cause = cause;
  }
}

/** Fires 'progress' ({loaded,total}), 'ready' ({engine}) and 'error' ({error}). */
export const engineEvents = new EventTarget();

let pending = null; // the shared promise
let current = null; // the resolved engine, for synchronous use after load
let attempts = 0;
let failure = null; // the last load error, until a retry starts

/** The error that stopped the last load, else null (fields then say they are not checked). */
export function engineFailed() {
  return failure;
}

/** The engine if it has loaded, else null. Lets fields validate synchronously. */
export function readyEngine() {
  return current;
}

/** Starts loading (once) and resolves to the shared Engine. */
export function loadEngine(options = {}) {
  if (!pending) {
    const opts = { ...packageUrls(options.baseUrl || PKG), ...pick(options, ['moduleUrl', 'wasmUrl', 'blobUrl']), integrity: options.integrity };
    const retry = attempts++ > 0;
    failure = null;
    pending = load(opts, retry).then(
      (engine) => {
        current = engine;
        engineEvents.dispatchEvent(new CustomEvent('ready', { detail: { engine } }));
        return engine;
      },
      (error) => {
        pending = null; // allow retry
        const err = error instanceof EngineError ? error : new EngineError(error?.code || 'UNKNOWN', String(error?.message || error), error);
        failure = err;
        engineEvents.dispatchEvent(new CustomEvent('error', { detail: { error: err } }));
        throw err;
      },
    );
  }
  return pending;
}

/** Forgets a failed load and tries again. */
export function retryEngine(options) {
  if (current) return Promise.resolve(current);
  pending = null;
  return loadEngine(options);
}

function pick(obj, keys) {
  const out = {};
  for (const k of keys) if (obj[k] != null) out[k] = String(obj[k]);
  return out;
}

async function load(opts, retry) {
  const t0 = performance.now();
  const cache = retry ? 'reload' : 'default';
  // The module and the blob download in parallel; neither depends on the other.
  const modulePromise = (async () => {
    let mod;
    try {
      mod = await import(opts.moduleUrl);
      await mod.default({ module_or_path: new URL(opts.wasmUrl, location.href) });
    } catch (e) {
      // A host page whose CSP lacks 'wasm-unsafe-eval' refuses to compile any wasm: say so,
      // because no retry can help.
      const csp = /Content Security Policy|unsafe-eval|wasm-eval/i.test(String(e?.message || e));
      throw new EngineError(csp ? 'CSP' : 'WASM', `validator module failed to start: ${e?.message || e}`, e);
    }
    return mod;
  })();
  const bytesPromise = fetchBytes(opts.blobUrl, cache);
  const [mod, bytes] = await Promise.all([modulePromise, bytesPromise]);
  const integrity = await resolveIntegrity(opts.integrity);
  if (integrity) await verifyIntegrity(bytes, integrity);
  let validator;
  try {
    validator = new mod.Validator(bytes);
  } catch (e) {
    throw new EngineError(e?.code || 'UNKNOWN', e?.message || String(e), e);
  }
  return new Engine(validator, { loadMs: performance.now() - t0, bytes: bytes.byteLength });
}

// Streams the blob so the UI can show progress and a short read is caught
// here (PARTIAL) rather than surfacing as a confusing decode error.
async function fetchBytes(url, cache) {
  let res;
  try {
    // Another origin (a CDN) is fine: it must send Access-Control-Allow-Origin (README: hosting).
    res = await fetch(url, { cache, credentials: 'same-origin', mode: 'cors' });
  } catch (e) {
    throw new EngineError('NETWORK', `code-set download failed: ${e?.message || e}`, e);
  }
  if (!res.ok) throw new EngineError('NETWORK', `code-set download failed: HTTP ${res.status}`);
  const encoded = res.headers.get('content-encoding');
  const total = encoded ? 0 : Number(res.headers.get('content-length')) || 0;
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks = [];
  let loaded = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.byteLength;
      engineEvents.dispatchEvent(new CustomEvent('progress', { detail: { loaded, total } }));
    }
  } catch (e) {
    throw new EngineError('PARTIAL', `code-set download stopped after ${loaded} bytes`, e);
  }
  // A compressed download decodes to more bytes than its Content-Length; only fewer is a short
  // read. (Cross-origin, Content-Encoding is hidden unless the host exposes it.)
  if (total && loaded < total) {
    throw new EngineError('PARTIAL', `code-set download incomplete: ${loaded} of ${total} bytes`);
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

// The expected digest may be known up front (a string) or fetched alongside
// the blob (a function returning a promise, e.g. reading codesets.blob.sha256).
async function resolveIntegrity(value) {
  try {
    const v = typeof value === 'function' ? await value() : await value;
    return v ? String(v).trim() : '';
  } catch (e) {
    throw new EngineError('NETWORK', `could not read the expected checksum: ${e?.message || e}`, e);
  }
}

/** Accepts SRI style ("sha256-BASE64"), "sha256:HEX" or bare 64-digit hex. */
export async function verifyIntegrity(bytes, integrity) {
  const want = parseDigest(integrity);
  if (!want) throw new EngineError('INTEGRITY', `unrecognised integrity value`);
  if (!globalThis.crypto?.subtle) throw new EngineError('INTEGRITY', 'crypto.subtle unavailable (needs https or localhost)');
  const got = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  if (got.length !== want.length || got.some((b, i) => b !== want[i])) {
    throw new EngineError('INTEGRITY', 'code-set checksum mismatch');
  }
}

function parseDigest(s) {
  s = String(s).trim();
  let m = /^sha256-([A-Za-z0-9+/=_-]+)$/.exec(s);
  if (m) {
    try {
      const bin = atob(m[1].replace(/-/g, '+').replace(/_/g, '/'));
      return Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
    } catch {
      return null;
    }
  }
  // sha256sum output ("HEX  filename") is accepted too.
  m = /^(?:sha256:)?([0-9a-fA-F]{64})(?:\s.*)?$/s.exec(s);
  if (!m) return null;
  return Uint8Array.from(m[1].match(/../g), (h) => parseInt(h, 16));
}

// What each table is, in front of its label when the label does not say ("FY2027" ->
// "ICD-10-CM FY2027"). Ids from info().tables, and the vintage systems of older engines.
const TABLE_NAMES = {
  icd10cm: 'ICD-10-CM',
  icd10pcs: 'ICD-10-PCS',
  hcpcs: 'HCPCS',
  cpt: 'CPT',
  mue: 'MUE',
  'mue-practitioner': 'MUE',
  'mue-outpatient': 'MUE',
  'mue-dme': 'MUE',
  aoc: 'Add-on codes',
  mce: 'MCE',
  poa: 'POA exempt list',
  'ptp-practitioner': 'NCCI PTP practitioner',
  'ptp-outpatient': 'NCCI PTP outpatient',
  ncci_ptp_practitioner: 'NCCI PTP practitioner',
  ncci_ptp_outpatient: 'NCCI PTP outpatient',
};
const CODE_SETS = new Set(['icd10cm', 'icd10pcs', 'hcpcs', 'cpt', 'modifier']);

/**
 * Thin facade over the wasm Validator: feature-detects optional methods and
 * turns thrown errors into values so a keystroke never throws into the page.
 */
export class Engine {
  constructor(validator, stats) {
    this.validator = validator;
    this.stats = stats;
    this.info = validator.info();
    // The engine lists the systems it answers from data; older blobs only imply them by vintage.
    this.systems = new Set(this.info.systems || (this.info.vintages || []).map((v) => v.system));
  }

  /**
   * Every loaded table with its window: info().tables when the engine gives it, else the
   * code-set vintages (older engines), as {id, label, kind, validFrom, validTo, currentThrough, source}.
   */
  get tables() {
    const named = (t) => {
      const name = TABLE_NAMES[t.id] || t.id;
      return { ...t, label: String(t.label || '').includes(name) ? t.label : `${name} ${t.label || ''}`.trim() };
    };
    if (Array.isArray(this.info.tables)) return this.info.tables.map(named);
    return (this.info.vintages || []).map((v) =>
      named({
        id: v.system,
        label: v.label,
        kind: CODE_SETS.has(v.system) ? 'code-set' : 'edit-table',
        validFrom: v.validFrom,
        validTo: v.validTo,
        currentThrough: v.validTo,
        source: v.source,
      }),
    );
  }

  /** True when the blob has CPT descriptions (a licensed private build). */
  get cptLicensed() {
    return Boolean(this.info.cptLicensed);
  }

  hasSystem(system) {
    return this.systems.has(system);
  }

  get canSearch() {
    return typeof this.validator.search === 'function';
  }

  get canCheckClaim() {
    return typeof this.validator.checkClaim === 'function';
  }

  /** The vintages of a system that cover a date (YYYY-MM-DD), or all of them. */
  vintagesFor(system, on) {
    return (this.info.vintages || []).filter(
      (v) => (!system || v.system === system) && (!on || ((!v.validFrom || v.validFrom <= on) && (!v.validTo || on <= v.validTo))),
    );
  }

  checkCode(system, input, on) {
    return this.validator.checkCode(system, input, on ? { on } : {});
  }

  describe(system, code, on) {
    try {
      return this.validator.describe(system, code, on ? { on } : {}) || null;
    } catch {
      return null;
    }
  }

  children(system, code, on) {
    try {
      return this.validator.children(system, code, on ? { on } : {}) || [];
    } catch {
      return [];
    }
  }

  search(query, opts) {
    if (!this.canSearch) return [];
    try {
      return this.validator.search(query, opts) || [];
    } catch {
      return [];
    }
  }

  /** options: {today, payer, staleEdits: 'apply' | 'skip'}; unknown keys are left out. */
  checkClaim(claim, options = {}) {
    const opts = {};
    for (const k of ['today', 'payer', 'staleEdits']) if (options[k] != null) opts[k] = options[k];
    return Object.keys(opts).length ? this.validator.checkClaim(claim, opts) : this.validator.checkClaim(claim);
  }
}
