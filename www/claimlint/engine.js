// Loads the wasm validator and the code-set blob once per page and shares them.
//
// Where the files are: by default beside this module's package, resolved from
// import.meta.url (www/claimlint/engine.js -> ../../pkg/), so the page, a CDN or
// an npm install with the same relative layout all work without options. A host
// that keeps the data elsewhere passes baseUrl (the folder holding claimlint.js,
// claimlint_bg.wasm and codesets.blob) or moduleUrl / wasmUrl / blobUrl one by one.
//
// The code sets come in parts (pkg/parts/parts.json, docs/parts.md), fetched in order of
// need: `core` (ICD-10-CM codes) first, PTP last. The engine resolves as soon as the core is
// in; a question whose part is still coming answers `loading` (a state of its own, never
// "invalid"), and 'part' events say when more can be answered. Each part is checked (its
// SHA-256 from the index, its container checksum in wasm) once, when it arrives, and kept in
// Cache Storage; a later visit opens the stored parts without hashing them again.
// Passing `blobUrl` or `integrity`, or `parts: false`, loads the single whole blob instead.
//
// Three wasm modules read the same parts: the core module (claimlint.js) answers codes and
// claims but has no outpatient facility editor and no grader; `engine: 'exercise'`
// (claimlint-exercise.js, size-tuned) adds grading (`grade`, `gradeAndReveal`);
// `engine: 'facility'` (claimlint-facility.js, speed-tuned) has everything, the I/OCE edits
// too, and fetches the part only it reads (a part whose `needs` it has; docs/parts.md). One
// engine per page: the first load decides.
//
// Every field on the page awaits the same module-level promise, so ten inputs
// cost one download and one Validator. A failed load clears the promise so the
// "Try again" path starts over (with cache: 'reload' to skip a bad cached copy).

import { storedGeneration, generationName, storedName, makeCurrent, readPart, storePart, storeModules, sha256Hex, coreHint, keepCoreHint, workerGeneration, moduleFileNames, ENGINES, FALLBACK_CACHE, GENERATION_HEADER } from './store.js';

export { ENGINES };

const PKG = new URL('../../pkg/', import.meta.url).href;

/** The file URLs for a package folder, for one engine (`core`, `exercise` or `facility`). */
export function packageUrls(base = PKG, engine = 'core') {
  const dir = new URL(base, document.baseURI);
  if (!dir.pathname.endsWith('/')) dir.pathname += '/';
  const files = moduleFileNames((ENGINES[engine] || ENGINES.core).stem);
  return {
    moduleUrl: new URL(files.glue, dir).href,
    wasmUrl: new URL(files.wasm, dir).href,
    blobUrl: new URL('codesets.blob', dir).href,
    partsUrl: new URL('parts/parts.json', dir).href,
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

/**
 * Fires 'progress' ({loaded, total, part, parts}), 'ready' ({engine}: the first answers are
 * possible), 'part' ({engine, name}: one more part is in), 'complete' ({engine}) and
 * 'error' ({error}). `parts` lists every part as {name, loaded, total, done}.
 */
export const engineEvents = new EventTarget();

let pending = null; // the shared promise
let current = null; // the resolved engine, for synchronous use after load
let attempts = 0;
let failure = null; // the last load error, until a retry starts
let complete = false; // every part is in

/** The error that stopped the last load, else null (fields then say they are not checked). */
export function engineFailed() {
  return failure;
}

/**
 * True when this visit is a cached one: the service worker controls the page and an earlier
 * visit opened a stored core from this package (its hint is kept), so the engine is expected in
 * within about a tenth of a second, from storage.
 */
export function cachedVisit(options = {}) {
  if (!globalThis.navigator?.serviceWorker?.controller) return false;
  const { partsUrl } = { ...packageUrls(options.baseUrl || PKG), ...pick(options, ['partsUrl']) };
  return Boolean(coreHint(new URL(partsUrl, location.href).href));
}

/** The engine if it has loaded (at least its core), else null. Lets fields validate synchronously. */
export function readyEngine() {
  return current;
}

/** True once every part of the code sets is in (the whole-blob load: once it is ready). */
export function engineComplete() {
  return complete;
}

/**
 * Starts loading (once) and resolves to the shared Engine. `engine: 'facility'` loads the
 * module with the outpatient facility editor (the I/OCE edits) and its part, `engine:
 * 'exercise'` the one with the grader; the default, `core`, checks outpatient facility claims
 * without the I/OCE edits and says so, and has no `grade`.
 */
export function loadEngine(options = {}) {
  if (!pending) {
    const engine = options.engine ?? 'core';
    const opts = { ...packageUrls(options.baseUrl || PKG, engine), ...pick(options, ['moduleUrl', 'wasmUrl', 'blobUrl', 'partsUrl']), integrity: options.integrity };
    opts.engine = engine;
    opts.features = ENGINES[engine]?.features || [];
    const whole = options.parts === false || options.blobUrl != null || options.integrity != null;
    const retry = attempts++ > 0;
    failure = null;
    const started = !Object.hasOwn(ENGINES, engine)
      ? Promise.reject(new EngineError('OPTIONS', `unknown engine ${JSON.stringify(engine)} (core, exercise or facility)`))
      : whole
        ? load(opts, retry)
        : loadParts(opts, retry);
    pending = started.then(
      (engine) => {
        current = engine;
        performance.mark?.('claimlint-engine-ready');
        engineEvents.dispatchEvent(new CustomEvent('ready', { detail: { engine } }));
        if (whole) markComplete(engine);
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

function markComplete(engine) {
  complete = true;
  performance.mark?.('claimlint-engine-complete');
  engineEvents.dispatchEvent(new CustomEvent('complete', { detail: { engine } }));
}

// The wasm compiles while it downloads, from the start, beside the glue's import (not after
// it): a cached visit's request is answered from the stored generation (the page's preload of
// it is taken up here), and the browser keeps the compiled code with that stored response, so
// a later visit's compile reads it back. Resolves to the glue and the compiled module (null when
// the streaming compile refused the response); `instantiate` then runs it.
async function startModule(opts) {
  const wasmUrl = new URL(opts.wasmUrl, location.href);
  const compiled = settled(compileStreaming(wasmUrl));
  try {
    const mod = await import(opts.moduleUrl);
    performance.mark?.('claimlint-glue');
    // A response the streaming compile refuses (a host sending another MIME type) goes the
    // glue's own way, which falls back to compiling the bytes.
    return { mod, module: await compiled.catch(() => null), wasmUrl };
  } catch (e) {
    throw moduleFailed(e);
  }
}

/**
 * Runs the compiled wasm and resolves to the glue. From a compiled module the instance is made
 * at once (the glue's initSync), in the task that then opens the engine: no task of its own to
 * wait for behind the page's. Otherwise, or should that be refused, the glue's own async init.
 */
async function instantiate({ mod, module, wasmUrl }) {
  try {
    if (module && typeof mod.initSync === 'function') {
      try {
        mod.initSync({ module });
        performance.mark?.('claimlint-wasm');
        return mod;
      } catch {
        // e.g. a browser that refuses a large synchronous instantiation: the async way below
      }
    }
    await mod.default({ module_or_path: module || wasmUrl });
    performance.mark?.('claimlint-wasm');
    return mod;
  } catch (e) {
    throw moduleFailed(e);
  }
}

function moduleFailed(e) {
  // A host page whose CSP lacks 'wasm-unsafe-eval' refuses to compile any wasm: say so,
  // because no retry can help.
  const csp = /Content Security Policy|unsafe-eval|wasm-eval/i.test(String(e?.message || e));
  // Offline, a module this device never stored (a page not opened online here) cannot start.
  return new EngineError(csp ? 'CSP' : offline() ? 'OFFLINE' : 'WASM', `validator module failed to start: ${e?.message || e}`, e);
}

async function load(opts, retry) {
  const t0 = performance.now();
  const cache = retry ? 'reload' : 'default';
  // The module and the blob download in parallel; neither depends on the other.
  const modulePromise = startModule(opts);
  const bytesPromise = fetchBytes(opts.blobUrl, cache, (loaded, total) => ({ loaded, total }));
  const [started, bytes] = await Promise.all([modulePromise, bytesPromise]);
  const mod = await instantiate(started);
  const integrity = await resolveIntegrity(opts.integrity);
  if (integrity) await verifyIntegrity(bytes, integrity);
  let validator;
  try {
    validator = new mod.Validator(bytes);
  } catch (e) {
    throw new EngineError(e?.code || 'UNKNOWN', e?.message || String(e), e);
  }
  // Kept for an offline visit (the service worker serves them from here; store.js).
  if (typeof caches !== 'undefined') caches.open(FALLBACK_CACHE).then((c) => c.addAll([opts.moduleUrl, opts.wasmUrl, opts.blobUrl])).catch(() => {});
  return new Engine(validator, { loadMs: performance.now() - t0, bytes: bytes.byteLength, engine: opts.engine });
}

// The parts, in the index's order: the first opens the engine (and resolves the load), each
// later one is added as it arrives. A stored generation is read without network or hashing;
// otherwise the index comes from the network and each part is verified, then stored.
async function loadParts(opts, retry) {
  const t0 = performance.now();
  performance.mark?.('claimlint-load-start');
  const modulePromise = startModule(opts);
  const indexUrl = new URL(opts.partsUrl, location.href).href;
  // Under the service worker a visit is usually cached: the stored generation's record names it
  // (the worker would answer the index from the same record, and looks for newer builds itself);
  // the worker hands over the core (below), and the later parts are read straight from Cache
  // Storage: no request, nothing streamed through the worker.
  const controlled = !retry && Boolean(globalThis.navigator?.serviceWorker?.controller);
  const hint = retry ? null : coreHint(indexUrl);
  // The worker is asked for the current generation and its core at once: it reads the core on
  // its own thread (from the navigation on) and hands the bytes over with its answer. A worker
  // that handed the core over on the last visit is waited for (it answers this question); any
  // other controller (a host page's own worker, an older one) may never answer.
  const asked = controlled ? workerGeneration(indexUrl, { core: true }) : null;
  let answered = null;
  asked?.then((reply) => (answered = reply));
  const trustWorker = Boolean(asked && hint?.worker);
  // Its answer, or null once a controller that does not answer has had a second.
  const waited = trustWorker ? within(asked, WORKER_WAIT_MS) : null;
  // Otherwise the core the last visit opened is read from Cache Storage at once, beside the
  // index (not after it); used only if the index names the same generation and file.
  const hinted = hint && !trustWorker ? settled(readPart(hint.name, new URL(hint.file, indexUrl).href)) : null;
  // A first visit: the core downloads at once under its stable name, beside the index.
  const early = retry || controlled || hint ? null : earlyCore(indexUrl);
  const record = controlled ? await currentGeneration(indexUrl, asked, waited) : null;
  const { generation, stored } = record ? { generation: record, stored: true } : await partsIndex(indexUrl, retry);
  performance.mark?.('claimlint-index');
  const { name } = generation;
  // The parts this module reads: a part that `needs` a feature the module lacks is left out.
  const index = { ...generation.index, parts: generation.index.parts.filter((p) => !p.needs || opts.features.includes(p.needs)) };
  const progress = index.parts.map((p) => ({ name: p.name, loaded: 0, total: Number(p.bytes) || 0, done: false }));
  const report = (i, loaded) => {
    progress[i].loaded = loaded;
    const detail = { part: progress[i].name, parts: progress.map((p) => ({ ...p })) };
    detail.loaded = progress.reduce((n, p) => n + p.loaded, 0);
    detail.total = progress.reduce((n, p) => n + p.total, 0);
    engineEvents.dispatchEvent(new CustomEvent('progress', { detail }));
    return detail;
  };
  const partUrl = (part) => new URL(part.file, indexUrl).href;
  // A part's bytes: from the stored generation, else downloaded and checked against the index.
  const fetchPart = async (part, i) => {
    const url = partUrl(part);
    // The first part has a stable name (`preload`) a page may preload before it has the
    // index: the service worker answers it from the stored generation (naming that in a
    // header); from the network it is checked like any part, and a copy of another build falls
    // back to the part's own file. A page that does not preload it uses the part's own file.
    const alias = i === 0 && !retry && part.preload ? new URL(part.preload, indexUrl).href : null;
    const ahead = alias && early?.url === alias ? early : null;
    if (ahead) {
      ahead.progress = (loaded) => report(i, loaded);
      const bytes = await ahead.bytes;
      if (bytes && ahead.seen.generation === name) return { bytes, stored: true };
      if (bytes && (await checked(part, bytes).catch(() => false))) return { bytes, stored: false };
    }
    // The core as the worker handed it over: waited for when it did so last time, else taken if
    // its answer is already in.
    const reply = i === 0 && asked ? (waited ? await waited : answered) : null;
    const given = reply?.name === name && reply.core?.file === part.file ? reply.core.bytes : null;
    if (given && (!part.bytes || given.byteLength === Number(part.bytes))) return { bytes: given, stored: true, worker: true };
    const kept = (i === 0 && hint?.name === name && hint.file === part.file && (await hinted)) || (await readPart(name, url));
    if (kept) return { bytes: kept, stored: true };
    const bytes = await fetchBytes(url, retry ? 'reload' : 'no-cache', (loaded) => report(i, loaded));
    if (!(await checked(part, bytes))) throw new EngineError('INTEGRITY', `code-set part ${part.name}: checksum mismatch`);
    return { bytes, stored: false };
  };
  // Opens (the first) or adds a part. Storing it is not awaited here: it is off the path to
  // the first answer; the generation becomes current once every part is stored.
  const stores = [];
  const add = async (validator, part, i, got) => {
    try {
      if (validator) validator.addPart(got.bytes, got.stored);
      else validator = (await instantiate(await modulePromise)).Validator.openPart(got.bytes, got.stored);
    } catch (e) {
      throw new EngineError(e?.code || 'UNKNOWN', e?.message || String(e), e);
    }
    progress[i].done = true;
    report(i, progress[i].total || got.bytes.byteLength);
    if (!got.stored) stores.push(storePart(name, partUrl(part), got.bytes));
    return validator;
  };
  const [first, ...rest] = index.parts;
  const firstBytes = await fetchPart(first, 0);
  if (firstBytes.stored) keepCoreHint(indexUrl, name, first.file, firstBytes.worker);
  // A worker that hands the core over, though after the page's own read this time, is waited
  // for on the next visit.
  if (firstBytes.stored && !firstBytes.worker) asked?.then((reply) => reply?.name === name && reply.core?.file === first.file && keepCoreHint(indexUrl, name, first.file, true));
  performance.mark?.('claimlint-core-bytes');
  await modulePromise;
  performance.mark?.('claimlint-module');
  // Downloaded, the core and the wasm leave the link free: the other parts start now, not after
  // the core has opened and 'ready' has run, so the link does not idle in between. (Stored
  // parts are read later, after the first answer, as before.)
  const restBytes = firstBytes.stored ? [] : rest.map((part, k) => settled(fetchPart(part, k + 1)));
  const validator = await add(null, first, 0, firstBytes);
  const engine = new Engine(validator, { loadMs: performance.now() - t0, bytes: firstBytes.bytes.byteLength, stored, generation: name, engine: opts.engine }, index);
  // The rest arrive after the engine is handed out; a failure here stops the later parts only
  // (their questions keep answering `loading`), and says so.
  (async () => {
    await Promise.resolve(); // let 'ready' go first
    // The glue and the wasm join the generation (if they are the build its index names), so an
    // offline visit finds the matching pair: on a first visit, and on a stored visit of the other
    // engine's page (the facility module joins the demo's generation).
    const pair = name ? storeModules(name, generation.index, indexUrl, [opts.moduleUrl, opts.wasmUrl]) : null;
    // The core and the wasm had the connection to themselves; now every other part downloads
    // at once, so the link never idles between parts, and each is added as it arrives.
    await Promise.all(
      rest.map(async (part, k) => {
        const got = await (restBytes.length ? restBytes[k] : fetchPart(part, k + 1)).catch((e) => {
          throw partMissing(e, part);
        });
        await add(validator, part, k + 1, got);
        engine.partAdded(part.name, got.bytes.byteLength);
        engineEvents.dispatchEvent(new CustomEvent('part', { detail: { engine, name: part.name } }));
      }),
    );
    // Complete means kept too: once every part is stored, the generation becomes current.
    if (pair && !stored) {
      const [, whole] = await Promise.all([Promise.all(stores), pair]);
      if (whole) {
        await makeCurrent(indexUrl, name, generation.index).catch(() => {});
        keepCoreHint(indexUrl, name, first.file);
      }
    }
    engine.stats.completeMs = performance.now() - t0;
    markComplete(engine);
    // Loaded from storage: the service worker looks for a newer build in the background.
    if (stored) navigator.serviceWorker?.controller?.postMessage({ type: 'claimlint-check-update' });
  })().catch((error) => {
    const err = error instanceof EngineError ? error : new EngineError(error?.code || 'UNKNOWN', String(error?.message || error), error);
    engine.partsFailed = err;
    engineEvents.dispatchEvent(new CustomEvent('error', { detail: { error: err, partial: true } }));
  });
  return engine;
}

/** The error of a part after the core that could not be had, naming the part (`.part`). */
function partMissing(error, part) {
  const err = error instanceof EngineError ? error : new EngineError(error?.code || 'UNKNOWN', String(error?.message || error), error);
  err.part = part.name;
  return err;
}

/** The wasm at a URL compiled as it arrives (rejects where streaming compilation is not available). */
async function compileStreaming(url) {
  if (typeof WebAssembly?.compileStreaming !== 'function') throw new Error('no streaming compilation');
  return WebAssembly.compileStreaming(fetch(url, { credentials: 'same-origin', mode: 'cors' }));
}

/** True when the browser knows it has no connection. */
const offline = () => globalThis.navigator?.onLine === false;

/** The promise, marked handled: a part that fails before it is awaited raises no unhandled rejection. */
function settled(promise) {
  promise.catch(() => {});
  return promise;
}

// The first part's stable name beside the index (docs/parts.md: `preload`), which a page may
// also preload from its HTML.
const CORE_ALIAS = 'core.blob';

/**
 * The core under its stable name, requested at once, before the index is read, so it downloads
 * beside the index and the wasm (a page's <link rel="preload"> of it is taken up here). Its
 * bytes are checked against the index like any part's.
 */
function earlyCore(indexUrl) {
  const early = { url: new URL(CORE_ALIAS, indexUrl).href, seen: {}, progress: () => null };
  early.bytes = fetchBytes(early.url, 'default', (loaded) => early.progress(loaded), early.seen).catch(() => null);
  return early;
}

/** True when a part's bytes match the index's SHA-256 (or it cannot be computed); PARTIAL when short. */
async function checked(part, bytes) {
  if (part.bytes && bytes.byteLength < part.bytes) {
    throw new EngineError('PARTIAL', `code-set download incomplete: ${bytes.byteLength} of ${part.bytes} bytes (${part.name})`);
  }
  const sha = await sha256Hex(bytes);
  return !sha || !part.sha256 || sha === part.sha256;
}

/**
 * The current stored generation's record, from whichever answers first: the service worker
 * (`asked`: its answer, from memory), or the record in Cache Storage (which decides when it
 * says there is none). A worker that answers (it handed the core over last time: `waited` is its
 * answer, given up on after a while) is waited for, without the storage read beside it; the
 * record is read only if it says nothing.
 */
async function currentGeneration(indexUrl, asked, waited) {
  if (waited) return (await waited) || storedGeneration(indexUrl);
  const stored = storedGeneration(indexUrl);
  return Promise.race([asked.then((r) => r || stored), stored]);
}

// How long a page waits for the worker that handed it the core last time before reading the
// core itself: only a worker replaced by one that does not answer (a host's own) takes this long.
const WORKER_WAIT_MS = 1000;

/** The promise's value, or null after `ms`. */
function within(promise, ms) {
  let timer;
  return Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, ms, null)))]).finally(() => clearTimeout(timer));
}

// The parts index and the generation it names (a page under the service worker asks for it only
// when no generation is stored yet). Should the worker answer from a stored generation, it names
// it in a header: its parts are read from storage, nothing is hashed. Otherwise the index comes
// from the network; offline without the worker, the stored record.
async function partsIndex(indexUrl, retry) {
  let text;
  let kept = null;
  try {
    // Default cache mode: a host marks the index no-cache (it changes with every build), and
    // the page preloads it.
    const res = await fetch(indexUrl, { cache: retry ? 'reload' : 'default', credentials: 'same-origin', mode: 'cors' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    kept = storedName(res.headers.get(GENERATION_HEADER));
    text = await res.text();
  } catch (e) {
    const generation = retry ? null : await storedGeneration(indexUrl);
    if (generation) return { generation, stored: true };
    throw new EngineError(offline() ? 'OFFLINE' : 'NETWORK', `code-set index download failed: ${e?.message || e}`, e);
  }
  let index;
  try {
    index = JSON.parse(text);
  } catch (e) {
    throw new EngineError('BLOB_CORRUPT', 'the code-set index is not JSON', e);
  }
  if (!Array.isArray(index?.parts) || !index.parts.length) throw new EngineError('BLOB_CORRUPT', 'the code-set index lists no parts');
  return { generation: { name: kept || (await generationName(text)), index }, stored: Boolean(kept) };
}

// Streams a download so the UI can show progress and a short read is caught
// here (PARTIAL) rather than surfacing as a confusing decode error.
// `progress(loaded, total)` gives the 'progress' event's detail.
// `seen.generation`: the stored generation the service worker answered from, if it did.
async function fetchBytes(url, cache, progress, seen = {}) {
  let res;
  try {
    // Another origin (a CDN) is fine: it must send Access-Control-Allow-Origin (README: hosting).
    res = await fetch(url, { cache, credentials: 'same-origin', mode: 'cors' });
  } catch (e) {
    throw new EngineError(offline() ? 'OFFLINE' : 'NETWORK', `code-set download failed: ${e?.message || e}`, e);
  }
  if (!res.ok) throw new EngineError('NETWORK', `code-set download failed: HTTP ${res.status}`);
  seen.generation = storedName(res.headers.get(GENERATION_HEADER));
  const encoded = res.headers.get('content-encoding');
  const total = encoded ? 0 : Number(res.headers.get('content-length')) || 0;
  // A stored copy (the worker answered from storage) is read at once, not chunk by chunk.
  if (!res.body || seen.generation) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks = [];
  let loaded = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.byteLength;
      const detail = progress(loaded, total);
      if (detail) engineEvents.dispatchEvent(new CustomEvent('progress', { detail }));
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
  ioce: 'I/OCE',
  'ptp-practitioner': 'NCCI PTP practitioner',
  'ptp-outpatient': 'NCCI PTP outpatient',
  ncci_ptp_practitioner: 'NCCI PTP practitioner',
  ncci_ptp_outpatient: 'NCCI PTP outpatient',
};
const CODE_SETS = new Set(['icd10cm', 'icd10pcs', 'hcpcs', 'cpt', 'modifier']);

// The sections each question reads (parts.json says which part brings them). A section the
// build does not have is not awaited: the engine answers without it as it always did.
const SYSTEM_SECTIONS = {
  icd10cm: ['icd10cm.codes'],
  icd10pcs: ['icd10pcs'],
  hcpcs: ['hcpcs', 'code_quarters'],
  cpt: ['cpt', 'code_quarters'],
  modifier: ['hcpcs'],
};
const TITLE_SECTIONS = ['icd10cm'];
const SEARCH_SECTIONS = ['search'];
const PAIR_SECTIONS = ['ptp'];

/**
 * Thin facade over the wasm Validator: feature-detects optional methods and
 * turns thrown errors into values so a keystroke never throws into the page.
 */
export class Engine {
  /** `index`: parts.json when the data comes in parts (else everything is in already). */
  constructor(validator, stats, index = null) {
    this.validator = validator;
    this.stats = stats;
    this.partsFailed = null;
    // section -> part name, for the sections still to come.
    this.coming = new Map();
    for (const part of index?.parts?.slice(1) || []) for (const s of part.sections || []) this.coming.set(s.name, part.name);
    this.parts = (index?.parts || []).map((p) => p.name);
    this.readInfo();
  }

  readInfo() {
    this.info = this.validator.info();
    // The engine lists the systems it answers from data; older blobs only imply them by vintage.
    this.systems = new Set(this.info.systems || (this.info.vintages || []).map((v) => v.system));
    for (const [system, sections] of Object.entries(SYSTEM_SECTIONS)) if (sections.some((s) => this.coming.has(s))) this.systems.add(system);
  }

  /** A part has been added to the validator: its sections answer from now on. */
  partAdded(name, bytes) {
    for (const [section, part] of this.coming) if (part === name) this.coming.delete(section);
    this.stats.bytes += bytes;
    this.readInfo();
  }

  /** True once every part is in. */
  get complete() {
    return this.coming.size === 0;
  }

  /** The part still coming that a question reading these sections waits for, else null. */
  waitingFor(sections) {
    for (const s of sections) if (this.coming.has(s)) return this.coming.get(s);
    return null;
  }

  /** Every section any part brings, i.e. a whole-claim check's needs. */
  get allSections() {
    return [...this.coming.keys()];
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
    return typeof this.validator.search === 'function' && !this.waitingFor(SEARCH_SECTIONS);
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

  /** `{state: 'loading', loading: part}` while the code set's part is still coming. */
  checkCode(system, input, on) {
    const loading = this.waitingFor(SYSTEM_SECTIONS[system] || []);
    if (loading) return { system, input, code: '', state: 'loading', loading, description: null, completions: [], findings: [] };
    return this.validator.checkCode(system, input, on ? { on } : {});
  }

  describe(system, code, on) {
    if (this.waitingFor(TITLE_SECTIONS)) return null;
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

  /**
   * NCCI PTP findings for two codes on one date: an array, or `{status: 'loading', loading}`
   * while the PTP part is still coming. options: {on, claimType, modsA, modsB, staleEdits}.
   */
  checkPair(a, b, options) {
    const loading = this.waitingFor(PAIR_SECTIONS);
    if (loading) return { status: 'loading', loading, findings: [] };
    return this.validator.checkPair(a, b, options);
  }

  /**
   * options: {today, payer, staleEdits: 'apply' | 'skip'}; unknown keys are left out. A claim
   * reads every table: until the last part is in it answers `{status: 'loading', loading}`.
   */
  checkClaim(claim, options = {}) {
    const loading = this.waitingFor(this.allSections);
    if (loading) return { status: 'loading', loading, findings: [], inputErrors: [] };
    const opts = {};
    for (const k of ['today', 'payer', 'staleEdits']) if (options[k] != null) opts[k] = options[k];
    return Object.keys(opts).length ? this.validator.checkClaim(claim, opts) : this.validator.checkClaim(claim);
  }
}
