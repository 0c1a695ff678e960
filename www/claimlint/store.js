// Where the code-set parts are kept between visits: one Cache Storage cache per generation
// (a build of the data, named from its index), plus one small record naming the current
// generation. The page and the service worker (www/sw.js) share these names.
//
// A part enters a generation only after its SHA-256 matched the index (and, on the page,
// after the wasm engine accepted its container checksum), so what is read back here is
// used as it is: no hashing on later visits. A generation becomes current only when it is
// complete; a page keeps the generation it started with until it reloads.

export const DATA_PREFIX = 'claimlint-data-';
export const META_CACHE = 'claimlint-meta';
/** The single whole blob and the glue and wasm last used with it (a page that loads the blob). */
export const FALLBACK_CACHE = 'claimlint-fallback';

/**
 * The wasm modules: file stem and the part features (`needs` in parts.json) each has. The core
 * and exercise modules leave out the outpatient editor (and so the `outpatient` part). The page
 * (engine.js), the service worker (www/sw.js) and the parts index (scripts/index-modules.mjs)
 * all name the modules from here.
 */
export const ENGINES = {
  core: { stem: 'claimlint', features: [] },
  exercise: { stem: 'claimlint-exercise', features: [] },
  facility: { stem: 'claimlint-facility', features: ['outpatient'] },
};

/** A module's two files (wasm-bindgen's names): its glue and its wasm, side by side. */
export function moduleFileNames(stem) {
  return { glue: `${stem}.js`, wasm: `${stem}_bg.wasm` };
}

/** The header with which the service worker names the stored generation whose index it answers. */
export const GENERATION_HEADER = 'X-Claimlint-Generation';

/** A generation name from that header, else null. */
export function storedName(value) {
  return typeof value === 'string' && value.startsWith(DATA_PREFIX) && /^[\w-]+$/.test(value) ? value : null;
}

/** The record's key: beside the index, so page and worker derive the same URL. */
export function currentKey(indexUrl) {
  return new URL('current-generation', indexUrl).href;
}

/** Hex SHA-256 of bytes or text; null where crypto.subtle is unavailable (plain http). */
export async function sha256Hex(data) {
  if (!globalThis.crypto?.subtle) return null;
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The generation an index text names. */
export async function generationName(indexText) {
  const sha = await sha256Hex(indexText);
  return sha ? DATA_PREFIX + sha.slice(0, 16) : null;
}

function storageAvailable() {
  return typeof caches !== 'undefined' && Boolean(globalThis.crypto?.subtle);
}

/** The current generation's record {name, index}, else null. One Cache Storage read. */
export async function storedGeneration(indexUrl) {
  if (!storageAvailable()) return null;
  try {
    // Written only once every part was stored; a part missing later (storage cleared under
    // the page) is downloaded again by the loader.
    const res = await caches.match(currentKey(indexUrl), { cacheName: META_CACHE });
    const record = res ? await res.json() : null;
    return record?.name && Array.isArray(record.index?.parts) ? record : null;
  } catch {
    return null;
  }
}

/** The message with which a page asks the service worker for the current generation's record. */
export const GENERATION_QUESTION = 'claimlint-generation';

/**
 * The current generation's record {name, index} as the controlling service worker has it in
 * memory (no storage read, so it is not queued behind the worker's own reads on a cached
 * visit), else null. With `core`, the worker adds the generation's first part as it has it
 * stored, `core: {file, bytes}` (an ArrayBuffer handed over, not copied), when it has it: read
 * on the worker's thread, at the navigation, so the page's main thread neither looks it up nor
 * receives it from a response body while it is busy loading. Never settles when no worker, or
 * an older one, answers: race it.
 */
export function workerGeneration(indexUrl, { core = false } = {}) {
  const worker = globalThis.navigator?.serviceWorker?.controller;
  if (!worker || typeof MessageChannel === 'undefined') return new Promise(() => {});
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = (e) => {
      port1.close();
      const record = e.data;
      if (!storedName(record?.name) || !Array.isArray(record.index?.parts)) return resolve(null);
      const given = record.core;
      const held = given?.bytes instanceof ArrayBuffer && typeof given.file === 'string' ? { file: given.file, bytes: new Uint8Array(given.bytes) } : null;
      resolve({ name: record.name, index: record.index, ...(held && { core: held }) });
    };
    worker.postMessage({ type: GENERATION_QUESTION, index: indexUrl, core }, [port2]);
  });
}

/** Makes a complete generation current (one small write, after every part is stored). */
export async function makeCurrent(indexUrl, name, index) {
  const body = JSON.stringify({ name, index, at: Date.now() });
  await (await caches.open(META_CACHE)).put(currentKey(indexUrl), new Response(body, { headers: { 'Content-Type': 'application/json' } }));
}

/** The index's entry for a module file (glue or wasm) at a URL (docs/parts.md: `modules`), else null. */
export function moduleEntry(index, indexUrl, url) {
  return (Array.isArray(index?.modules) ? index.modules : []).find((m) => new URL(m.file, indexUrl).href === url) || null;
}

/**
 * The response, if it is the module build the index names (or the index names none for it);
 * else null: a host part way through a deploy may send another build's glue or wasm, which
 * must not be kept with these parts.
 */
export async function checkedModule(index, indexUrl, url, res) {
  if (!res.ok) return null;
  const entry = moduleEntry(index, indexUrl, url);
  if (!entry) return res;
  const sha = await sha256Hex(new Uint8Array(await res.clone().arrayBuffer()));
  return !sha || sha === entry.sha256 ? res : null;
}

/**
 * Adds the glue and wasm that read a generation's parts to it, each only if it is the build the
 * index names; those it has are kept. True when the generation has them all.
 */
export async function storeModules(name, index, indexUrl, urls) {
  if (!name || !storageAvailable()) return false;
  try {
    const cache = await caches.open(name);
    const got = await Promise.all(
      urls.map(async (url) => ((await cache.match(url)) ? true : checkedModule(index, indexUrl, url, await fetch(url)))),
    );
    if (got.some((res) => !res)) return false;
    await Promise.all(urls.map((url, i) => got[i] !== true && cache.put(url, got[i])));
    return true;
  } catch {
    return false; // offline, quota or private mode: nothing kept
  }
}

/** A stored part's bytes, or null. */
export async function readPart(name, url) {
  if (!name || !storageAvailable()) return null;
  try {
    const hit = await caches.match(url, { cacheName: name });
    return hit ? new Uint8Array(await hit.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

/** Stores a verified part (best effort: a full disk only costs the next visit a download). */
export async function storePart(name, url, bytes) {
  if (!name || !storageAvailable()) return;
  try {
    await (await caches.open(name)).put(url, partResponse(bytes, name));
  } catch {
    // quota or private mode: nothing kept
  }
}

/** A part as stored: its generation named in a header, which travels with it when the
 * service worker answers the part's preload name straight from the cache. */
export function partResponse(bytes, name) {
  return new Response(bytes, { headers: { 'Content-Type': 'application/octet-stream', [GENERATION_HEADER]: name } });
}

// Which stored core the last visit opened ({name, file}), kept in localStorage: a hint only, read
// synchronously so the page can start reading that core at once, while it reads the record that
// says which generation is current. A hint that does not match the record is ignored.
const hintKey = (indexUrl) => `claimlint-core ${indexUrl}`;

/**
 * The last opened core {name, file, worker} for this index, else null. `worker`: the service
 * worker handed that core over (workerGeneration), so it answers this page's question.
 */
export function coreHint(indexUrl) {
  try {
    const hint = JSON.parse(globalThis.localStorage?.getItem(hintKey(indexUrl)) || 'null');
    return storedName(hint?.name) && typeof hint.file === 'string' ? { name: hint.name, file: hint.file, worker: hint.worker === true } : null;
  } catch {
    return null; // storage blocked (a sandboxed frame, private mode)
  }
}

/** Remembers the core a visit opened from storage, and whether the service worker handed it over. */
export function keepCoreHint(indexUrl, name, file, worker = false) {
  try {
    globalThis.localStorage?.setItem(hintKey(indexUrl), JSON.stringify({ name, file, ...(worker && { worker }) }));
  } catch {
    // storage blocked or full: the next visit reads the record first, as without a hint
  }
}
