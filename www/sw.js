// Service worker (a module): makes the demo work offline after the first visit.
//
// Two kinds of cache:
//  - the shell (pages, CSS, widget modules): once a data generation is stored (a cached
//    visit), served from storage first, so a visit on a slow network waits no round trip per
//    file. The files served are revalidated after the visit's load, in the update check (below),
//    not while the page is loading; a change to any of them stores a new shell whole (every
//    file fetched again), makes it current and tells the pages (the same update notice as new
//    code sets): the new build is what the next visit gets, never a mix of two builds. Before
//    that (a first visit), network first, cache when offline;
//  - the data generations (www/claimlint/store.js): the code-set parts of one build with the
//    wasm glue and wasm that read them, named from the parts index. The page stores the
//    first generation itself as its parts arrive (so a first visit downloads each part once)
//    and reads the later stored parts straight from the cache (nothing of them is streamed
//    through this worker); the core this worker reads on its own thread, at the navigation, and
//    hands over with its answer to the page's first question (answerGeneration). This worker looks for a newer index in
//    the background, stores the new generation whole (a part or module the current generation
//    holds under the same file and SHA-256 is carried over as stored: not downloaded, not
//    hashed again; each new one must match its SHA-256 in the index, else the update is
//    refused), and only then makes it current and tells the pages. The index names
//    the glue and wasm of its build too (`modules`), so a new build of a module is a new
//    generation even with the code sets unchanged: it reaches the next visit the same way,
//    glue and wasm together.
//    A page already loading stays on the generation it started with.
// The update check is one pass (updateCheck): the shell files served since the last pass, then
// the parts index. A page runs it once its engine is in (the 'claimlint-check-update' message);
// a visit whose page never asks (no engine on it) gets it a little after its navigation. Nothing
// of it competes with a page's load: a check under way pauses between its steps while a page
// loads (pageLoads), so its network answers and cache reads wait until that page's engine is in.
// A cached visit's first requests are answered from caches opened once per worker
// (storedCache), and looked up at the navigation itself (lookAhead): the files the page asked
// for on its last visit are read from storage beside its HTML, before the page asks.
import { DATA_PREFIX, ENGINES, FALLBACK_CACHE, GENERATION_HEADER, GENERATION_QUESTION, META_CACHE, checkedModule, currentKey, generationName, makeCurrent, moduleEntry, moduleFileNames, partResponse, sha256Hex } from './claimlint/store.js';

const SHELL_VERSION = 'v8';
// The shell the install stores; a background refresh stores later ones as `${SHELL_CACHE}-N`.
const SHELL_CACHE = `claimlint-shell-${SHELL_VERSION}`;
const UPDATE_INTERVAL_MS = 60_000;

// Every file the demo pages need. tests/browser/sw-manifest.test.mjs fails
// when a module under www/claimlint/ is missing here.
const SHELL = [
  './',
  './index.html',
  './embed.html',
  './facility.html',
  './claimlint.css',
  './claimlint.js',
  './claimlint-auto.js',
  './boot.js',
  './demo.js',
  './demo-page.js',
  './service-lines.js',
  './facility.js',
  './demo.css',
  './embed-page.css',
  './favicon.svg',
  './manifest.webmanifest',
  './icons/icon-192.png',
  './icons/icon-512.png',
  './icons/icon-maskable-512.png',
  // The demo pages' bundled widget (scripts/bundle.mjs); the modules below serve the embed page.
  './dist/boot.js',
  './dist/demo.js',
  './dist/facility.js',
  './claimlint/checks.js',
  './claimlint/claim.js',
  './claimlint/claim-shape.js',
  './claimlint/combobox.js',
  './claimlint/context.js',
  './claimlint/currency.js',
  './claimlint/dom.js',
  './claimlint/element.js',
  './claimlint/engine.js',
  './claimlint/field.js',
  './claimlint/live.js',
  './claimlint/local-checks.js',
  './claimlint/messages.js',
  './claimlint/notice.js',
  './claimlint/offline.js',
  './claimlint/pointers.js',
  './claimlint/pos.js',
  './claimlint/service-date.js',
  './claimlint/status.js',
  './claimlint/store.js',
  './claimlint/summary.js',
  './claimlint/vintage.js',
  './exercise.html',
  './exercise/page.js',
  './exercise/answer.js',
  './exercise/attempts.js',
  './exercise/render.js',
  './exercise/exercise.css',
  './exercise/exercises.json',
  './exercise/acetaminophen.json',
  './exercise/copd-exam.json',
  './exercise/diabetes-htn.json',
  './exercise/hip-fracture.json',
  './exercise/otitis-left.json',
  './exercise/pneumonia-cxr.json',
  './bench.html',
  './bench/bench.js',
  './bench/baseline.js',
  './bench/claim-sample.js',
].map((p) => new URL(p, self.location).href);
const SHELL_URLS = new Set(SHELL);

/** An engine's glue and wasm URLs, beside the parts (pkg/). */
const moduleFiles = (engine) => {
  const files = moduleFileNames(ENGINES[engine].stem);
  return { glue: new URL(`../pkg/${files.glue}`, self.location).href, wasm: new URL(`../pkg/${files.wasm}`, self.location).href };
};
// The wasm modules (glue + wasm) that read the parts: the core module of the charge-entry pages,
// the exercise module (the grader) of the exercise page and the facility module (the outpatient
// editor) of the facility page. Each is kept in the generation it reads; an update stores the
// exercise and facility modules, and the part only one reads (`needs` in the index), only for a
// visitor who had them.
const DATA = moduleFiles('core');
// The modules only some pages load: the exercise page's and the facility page's.
const OPTIONAL = Object.keys(ENGINES).filter((engine) => engine !== 'core').map(moduleFiles);
const DATA_URLS = new Set([DATA, ...OPTIONAL].flatMap((m) => [m.glue, m.wasm]));
// The single whole blob (a page that asks for it, e.g. the benchmark's baseline): network
// first, the last copy offline, checked by that page on every load as before the data came
// in parts. The glue and wasm last downloaded are kept beside it, for such a page offline.
const WHOLE = new URL('../pkg/codesets.blob', self.location).href;
const INDEX = new URL('../pkg/parts/parts.json', self.location).href;
// A part's stable preload name beside the index, e.g. core.blob (a part's own file name has a hash
// in it). The engine asks for it only on a page this worker does not control yet (a first visit);
// a host page may preload it from its HTML.
const PARTS_DIR = new URL('./', INDEX).href;
const isPreload = (bare) => bare.startsWith(PARTS_DIR) && /^[a-z]+\.blob$/.test(bare.slice(PARTS_DIR.length));

const pinned = new Map(); // clientId -> data cache name
let lastCheck = 0;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL_CACHE);
      await shell.addAll(SHELL.map((url) => new Request(url, { cache: 'reload' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Old shells go; data generations are replaced only by a completed update (a page may
      // be storing its first generation right now).
      for (const name of await caches.keys()) {
        if (name.startsWith('claimlint-shell-') && name !== SHELL_CACHE) await deleteCache(name);
      }
      // A new worker comes with its own freshly stored shell: that one is current.
      await (await caches.open(META_CACHE)).put(SHELL_KEY, new Response(SHELL_CACHE));
      shellMemo = SHELL_CACHE;
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const bare = url.origin + url.pathname;
  learn(event, bare, url.search);
  const early = url.search ? null : takeAhead(event.clientId, bare);
  if (early) {
    // A shell file answered from storage is revalidated in the next update check, as any.
    event.respondWith(early.then((hit) => (hit ? (SHELL_URLS.has(bare) && served.add(bare), hit) : answerLater(event, bare))));
    return;
  }
  answerLater(event, bare, true);
});

/** The fetch handler's answer for a request not looked up ahead (`respond`: hand it over). */
function answerLater(event, bare, respond = false) {
  const { request } = event;
  const url = new URL(request.url);
  const answer = (promise) => (respond ? event.respondWith(promise) : promise);
  if (DATA_URLS.has(bare)) {
    return answer(dataResponse(event, bare));
  }
  if (bare === WHOLE) return answer(wholeResponse(event));
  if (bare === INDEX && request.cache !== 'reload') return answer(indexResponse(event));
  if (isPreload(bare) && request.cache !== 'reload') return answer(preloadResponse(event, bare));
  // Parts under their own file names are not intercepted: the page reads stored parts from
  // the cache itself, and downloads the others with its own progress.
  if (url.pathname.startsWith(new URL(self.registration.scope).pathname)) return answer(shellResponse(event));
  return respond ? undefined : fetch(request);
}

/** False when the browser knows it has no connection: the cache answers without a network try. */
const online = () => self.navigator.onLine !== false;

async function shellResponse(event) {
  const { request } = event;
  const bare = new URL(request.url);
  bare.search = '';
  const listed = SHELL_URLS.has(bare.href);
  // A shell file on a cached visit: the stored copy at once, checked against the network after
  // the load (updateCheck).
  if (listed && (await storedVisit())) {
    const navigate = request.mode === 'navigate';
    // A page this worker has served from the current shell before: its HTML from memory, with
    // no storage lookup ahead of the navigation's answer, and its own files looked up at once.
    const kept = navigate ? keptPage(request.url) : null;
    if (kept) {
      lookAhead(event, bare.href);
      served.add(bare.href);
      event.waitUntil(laterUpdateCheck());
      return kept;
    }
    const shell = await shellName();
    const stored = storedShellFile(request, shell);
    // The page's own files are read once its HTML is: nothing goes ahead of the HTML.
    if (navigate) stored.finally(() => lookAhead(event, bare.href)).catch(() => {});
    const hit = await stored;
    if (hit) {
      served.add(bare.href);
      if (navigate) {
        event.waitUntil(laterUpdateCheck());
        event.waitUntil(keepPage(request.url, shell, hit.clone()));
      }
      return hit;
    }
  }
  try {
    if (!online()) throw new Error('offline');
    const res = await fetch(request);
    if (res.ok && listed) await (await caches.open(await shellName())).put(request, res.clone());
    return res;
  } catch (err) {
    const hit = await storedShellFile(request);
    if (hit) return hit;
    throw err;
  }
}

/**
 * The current shell's copy of a request (a navigation to an unknown page: the charge-entry page);
 * `name`: that shell's cache, when the caller has it.
 */
async function storedShellFile(request, name) {
  // The exact URL first: one keyed lookup. ignoreSearch compares every stored entry, which on
  // a cached visit holds up each of the page's first requests while storage is busy.
  const shell = await storedCache(name || (await shellName()));
  if (!shell) return undefined;
  return (await shell.match(request)) || (await shell.match(request, { ignoreSearch: true })) ||
    (request.mode === 'navigate' ? await shell.match(new URL('./index.html', self.location).href) : undefined);
}

// The pages (HTML) this worker served from storage, by request URL, as read from the shell named
// with them: a later navigation to one is answered from here while that shell is current (a new
// shell, made current by refreshShell, is read from storage again). A few small documents.
const pages = new Map(); // request URL -> {shell, bytes: ArrayBuffer, status, statusText, headers}

/** The page's HTML as served from the current shell, from memory, else null. */
function keptPage(url) {
  const page = pages.get(url);
  if (!page || page.shell !== shellMemo) return null;
  return new Response(page.bytes, { status: page.status, statusText: page.statusText, headers: page.headers });
}

/** Keeps a page's HTML read from the shell named `shell` (best effort). */
async function keepPage(url, shell, res) {
  try {
    const bytes = await res.arrayBuffer();
    const headers = [...res.headers].filter(([k]) => !/^content-(encoding|length)$/i.test(k));
    if (shell === shellMemo) pages.set(url, { shell, bytes, status: res.status, statusText: res.statusText, headers });
  } catch {
    // not kept: the next navigation reads it from storage
  }
}

/** True once a data generation is stored: the shell's first visit is over. From memory when it can. */
async function storedVisit() {
  if (recordMemo) return true;
  return Boolean((await currentRecord()).name);
}

// The current shell's cache name, named in the meta cache (a refresh switches it in one write).
const SHELL_KEY = new URL('./current-shell', self.location).href;
let shellMemo = null;

async function shellName() {
  if (shellMemo) return shellMemo;
  const res = await caches.match(SHELL_KEY, { cacheName: META_CACHE });
  const name = res ? await res.text() : '';
  shellMemo = name.startsWith(SHELL_CACHE) && (await caches.has(name)) ? name : SHELL_CACHE;
  return shellMemo;
}

/** True when the network's copy of a stored response is another version of it. */
async function differs(stored, fresh) {
  const tag = (r) => r.headers.get('ETag');
  if (tag(stored) && tag(fresh)) return tag(stored) !== tag(fresh);
  // A host without validators: the bytes decide.
  const [a, b] = (await Promise.all([stored.clone().arrayBuffer(), fresh.clone().arrayBuffer()])).map((x) => new Uint8Array(x));
  return a.length !== b.length || !a.every((x, i) => x === b[i]);
}

// The shell files served from storage since the last update check.
const served = new Set();

/**
 * True when a shell file served from storage changed on the network (conditional requests: one
 * small answer per file when nothing did), stopping at the first: a change means a new build,
 * and the whole shell is stored again.
 */
async function shellChanged() {
  const urls = [...served];
  served.clear();
  for (const url of urls) {
    try {
      await pageLoads();
      const fresh = await fetch(url, { cache: 'no-cache' });
      await pageLoads();
      // Compared with the current shell's copy: a refresh that finished meanwhile already has it.
      const stored = await caches.match(url, { cacheName: await shellName() });
      if (fresh.ok && stored && (await differs(stored, fresh))) return true;
    } catch {
      return false; // offline after all: the stored shell serves
    }
  }
  return false;
}

let refreshing = null;
// While a refresh is under way: resolves once its new shell is current (before the pages are told).
let shellStoring = null;

/**
 * Stores every shell file from the network into a new cache, then makes it current and says so.
 * A new build of the pages usually comes with new glue and wasm (a new index): the pages are
 * told once that generation is stored too (and a new generation is announced only once a new
 * shell found meanwhile is stored), so a reload gets page and module of one build together.
 */
function refreshShell() {
  if (refreshing) return refreshing;
  shellStoring = (async () => {
    const before = await shellName();
    const n = Number(/-(\d+)$/.exec(before.slice(SHELL_CACHE.length))?.[1] || 0) + 1;
    const name = `${SHELL_CACHE}-${n}`;
    const cache = await caches.open(name);
    try {
      await cache.addAll(SHELL.map((url) => new Request(url, { cache: 'no-cache' })));
    } catch {
      await deleteCache(name);
      return null;
    }
    await (await caches.open(META_CACHE)).put(SHELL_KEY, new Response(name));
    shellMemo = name;
    // Pages loaded from the previous shell keep what they loaded; later requests get the new one.
    await deleteCache(before);
    return name;
  })();
  refreshing = shellStoring
    .then(async (name) => {
      if (!name) return;
      await generationCheck().catch(() => {});
      await tell({ type: 'claimlint-update', name, shell: true });
    })
    .finally(() => {
      refreshing = null;
      shellStoring = null;
    });
  return refreshing;
}

/**
 * Network first, keeping a copy in the fallback cache; that copy when offline. The copy is
 * stored beside the response, not before it: the page compiles the wasm as it streams.
 */
async function networkThenFallback(event, key) {
  const fallback = await caches.open(FALLBACK_CACHE);
  try {
    if (!online()) throw new Error('offline');
    const res = await fetch(event.request);
    if (res.ok) event.waitUntil(fallback.put(key, res.clone()));
    return res;
  } catch (err) {
    const hit = await fallback.match(key);
    if (hit) return hit;
    throw err;
  }
}

/** The whole blob: a rebuilt blob shows up online, the stored copy serves offline. */
function wholeResponse(event) {
  return networkThenFallback(event, WHOLE);
}

async function dataResponse(event, bare) {
  const clientId = event.clientId || event.resultingClientId;
  let name = clientId && pinned.get(clientId);
  if (!name) {
    name = (await currentRecord()).name;
    if (clientId && name) pinned.set(clientId, name);
  }
  // One keyed lookup in the generation's cache, opened once (a missing cache is a miss): on a
  // cached visit every early request waits on storage.
  const cache = name ? await storedCache(name) : null;
  const hit = cache ? await cache.match(bare) : undefined;
  if (hit) return hit;
  return networkThenFallback(event, bare);
}

/**
 * The parts index: the current stored generation's, at once and named in a header (the page
 * then reads that generation's parts from storage; updates are this worker's job), else the
 * network's (a first visit, or a page retrying with cache: 'reload').
 */
async function indexResponse(event) {
  const record = await currentRecord();
  if (record.name && Array.isArray(record.index?.parts) && (await caches.has(record.name))) {
    const clientId = event.clientId || event.resultingClientId;
    if (clientId && !pinned.has(clientId)) pinned.set(clientId, record.name);
    const headers = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', [GENERATION_HEADER]: record.name };
    return new Response(JSON.stringify(record.index), { headers });
  }
  return fetch(event.request);
}

/**
 * A part under its stable preload name (`core.blob`, docs/parts.md): the current stored
 * generation's copy, named in a header, else the network's.
 */
async function preloadResponse(event, bare) {
  const record = await currentRecord();
  const alias = bare.slice(bare.lastIndexOf('/') + 1);
  const part = record.index?.parts?.find((p) => p.preload === alias);
  if (record.name && part) {
    // As stored (the header names its generation): handed over without passing through here.
    const hit = await (await storedCache(record.name))?.match(new URL(part.file, INDEX).href);
    if (hit) return hit;
  }
  return fetch(event.request);
}

// The current generation's record, kept in memory once one exists: a cached visit's first
// requests (index, core, glue, wasm) then wait for no storage read. Each use re-reads it in
// the background, so a generation a page made current is seen by the next request; uses while
// a read is under way share it (a page's first requests come together, and one storage read
// serves them all).
let recordMemo = null;
let recordReading = null;
// Bumped by this worker's own switch: a read begun before it does not overwrite it.
let recordVersion = 0;

function readRecord() {
  recordReading ??= (async () => {
    const version = recordVersion;
    const res = await caches.match(currentKey(INDEX), { cacheName: META_CACHE });
    const record = res ? await res.json() : {};
    if (version !== recordVersion) return recordMemo;
    recordMemo = record.name ? record : null;
    return record;
  })().finally(() => (recordReading = null));
  return recordReading;
}

/** The record this worker has just made current. */
function rememberRecord(record) {
  recordVersion += 1;
  recordMemo = record;
}

function currentRecord() {
  const fresh = readRecord();
  if (!recordMemo) return fresh;
  fresh.catch(() => {});
  return Promise.resolve(recordMemo);
}

/** The stored bytes of a part file from any generation, else a download. */
async function partBytes(url) {
  const hit = await caches.match(url);
  if (hit) return hit.arrayBuffer();
  const res = await fetch(url, { cache: 'no-cache' });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.arrayBuffer();
}

/**
 * Stores the generation the server's index names, if it is new, and makes it current.
 * Returns its name; throws (leaving the current generation as it is) when a part does not
 * match its checksum or cannot be fetched.
 */
async function fetchGeneration(before) {
  await pageLoads();
  const res = await fetch(INDEX, { cache: 'no-cache' });
  if (!res.ok) throw new Error(`index: HTTP ${res.status}`);
  const text = await res.text();
  await pageLoads();
  const name = await generationName(text);
  if (!name || name === before.name || name === refused) return before.name;
  const index = JSON.parse(text);
  const cache = await caches.open(name);
  const had = await hadInGeneration(before);
  const kept = carriedOver(before, name);
  try {
    for (const part of index.parts) {
      const url = new URL(part.file, INDEX).href;
      await pageLoads();
      if (await cache.match(url)) continue;
      if (part.needs && !had.parts.has(part.name)) continue;
      const stored = await kept(before.index?.parts, part, url);
      if (stored) {
        await cache.put(url, stored);
        continue;
      }
      const bytes = await partBytes(url);
      if ((await sha256Hex(bytes)) !== part.sha256) throw new Error(`part ${part.name}: checksum mismatch`);
      await cache.put(url, partResponse(bytes, name));
    }
    // The glue and wasm of this build: each must be the one the index names (`modules`), so a
    // new build of a module, with the code sets unchanged, is a generation of its own.
    const modules = [DATA, ...had.modules].flatMap((m) => [m.glue, m.wasm]);
    const got = await Promise.all(
      modules.map(
        async (u) =>
          (await kept(before.index?.modules, moduleEntry(index, INDEX, u), u)) || checkedModule(index, INDEX, u, await fetch(u, { cache: 'no-cache' })),
      ),
    );
    // Not kept as refused: a host part way through a deploy sends the other build for a while.
    if (got.some((res) => !res)) throw new Error('wasm package incomplete or not the build the index names');
    await Promise.all(modules.map((u, i) => cache.put(u, got[i])));
  } catch (e) {
    await deleteCache(name);
    if (/checksum/.test(String(e?.message))) refused = name;
    throw e;
  }
  // The switch: one small write, after the whole generation is stored.
  await makeCurrent(INDEX, name, index);
  rememberRecord({ name, index });
  // Keep the previous generation until the next switch: a page pinned to it may still be loading.
  for (const old of await caches.keys()) {
    if (old.startsWith(DATA_PREFIX) && old !== name && old !== before.name) await deleteCache(old);
  }
  return name;
}

/**
 * Returns `(entries, entry, url) => Response | null`: the current generation's stored copy of
 * a file when the previous index lists it (`entries`: its parts or modules) with the same file
 * and SHA-256 as the new index's `entry`. It entered that generation checked against that
 * SHA-256, so it is carried into the new one as it is: not downloaded, not read into memory,
 * not hashed again (a module-only rebuild copies no part through here). A part's header names
 * the generation it now belongs to.
 */
function carriedOver(before, name) {
  return async (entries, entry, url) => {
    if (!before.name || !entry?.sha256 || !Array.isArray(entries)) return null;
    if (!entries.some((e) => e.file === entry.file && e.sha256 === entry.sha256)) return null;
    const hit = await caches.match(url, { cacheName: before.name });
    // A module is kept as the network sent it (its compiled code stays cached with it).
    if (!hit || !hit.headers.has(GENERATION_HEADER)) return hit || null;
    const headers = new Headers(hit.headers);
    headers.set(GENERATION_HEADER, name);
    return new Response(hit.body, { status: hit.status, statusText: hit.statusText, headers });
  };
}

/**
 * What of the optional engines the current generation holds: the names of its stored parts that
 * only a module with a feature reads, and the exercise and facility modules stored.
 */
async function hadInGeneration(before) {
  const cache = before.name && (await caches.has(before.name)) ? await caches.open(before.name) : null;
  const parts = new Set();
  if (!cache) return { parts, modules: [] };
  for (const part of before.index?.parts || []) {
    if (part.needs && (await cache.match(new URL(part.file, INDEX).href))) parts.add(part.name);
  }
  const stored = await Promise.all(OPTIONAL.map(async (m) => Boolean(await cache.match(m.wasm))));
  return { parts, modules: OPTIONAL.filter((_, i) => stored[i]) };
}

// One check at a time: two at once would store into the same new generation, and one's
// refusal could not remove what the other is still writing.
let checking = null;
// A build refused for a damaged part is not downloaded again by later checks; a rebuild has a
// new name.
let refused = null;

/**
 * The update check, one pass: the shell files served (a change stores the new shell, which
 * then checks the index itself), else the parts index. `force`: a page asked (its engine is in,
 * or it came back online); otherwise at most once a minute.
 */
function updateCheck(force = false) {
  if (checking) {
    // A page that asks while a check is under way (it may have paused for that page's load)
    // gets a pass of its own after it: the files served to that page are checked too.
    if (force) checkAgain = true;
    return checking;
  }
  if (!online() || (!force && Date.now() - lastCheck < UPDATE_INTERVAL_MS)) return Promise.resolve();
  lastCheck = Date.now();
  checking = (async () => {
    do {
      checkAgain = false;
      if (await shellChanged()) await refreshShell();
      else await generationCheck();
    } while (checkAgain && online());
  })().finally(() => (checking = null));
  return checking;
}
let checkAgain = false;

// A visit whose page does not ask (no engine on it): the check runs a little after its
// navigation, once its load is over, unless a page asked meanwhile.
const UNASKED_DELAY_MS = 5_000;
function laterUpdateCheck() {
  return new Promise((resolve) => setTimeout(resolve, UNASKED_DELAY_MS)).then(() => updateCheck());
}

// The parts index alone (refreshShell runs it after storing a new shell).
let generationChecking = null;
function generationCheck() {
  generationChecking ??= checkForUpdate().finally(() => (generationChecking = null));
  return generationChecking;
}

async function checkForUpdate() {
  const before = await currentRecord();
  // Before the page has stored a first generation there is nothing to update.
  if (!before.name) return;
  let name;
  try {
    name = await fetchGeneration(before);
  } catch (e) {
    // Offline: keep serving the current generation, quietly. A damaged part: say so.
    if (/checksum|incomplete|HTTP/.test(String(e?.message))) await tell({ type: 'claimlint-update-refused', reason: String(e.message) });
    return;
  }
  // A new shell being stored (a new build of the pages) is awaited: see refreshShell.
  if (name !== before.name) await shellStoring?.catch(() => {});
  // A new generation is stored whole: tell the pages, which offer to use it. When only a module
  // is new (the same parts), it is a new build of the program, not of the code sets, and the
  // pages say so (`shell`).
  if (name !== before.name) await tell({ type: 'claimlint-update', name, ...(newModulesOnly(before.index, (await currentRecord()).index) && { shell: true }) });
}

/** True when a later index lists the same part files as an earlier one, and other modules. */
function newModulesOnly(before, after) {
  const files = (list) => (list || []).map((x) => `${x.file} ${x.sha256}`).sort().join('\n');
  return files(before?.parts) === files(after?.parts) && files(before?.modules) !== files(after?.modules);
}

async function tell(message) {
  for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage(message);
}

// A page that comes back online, or that loaded from stored parts, asks for a check. A page
// starting its engine asks which generation is current (store.js workerGeneration): answered from
// memory, on the port it sent, and the page is pinned to it like a page that asked for the index.
self.addEventListener('message', (event) => {
  if (event.data?.type === 'claimlint-check-update') {
    pageLoaded(event.source?.id);
    event.waitUntil(updateCheck(true));
  }
  if (event.data?.type === GENERATION_QUESTION) event.waitUntil(answerGeneration(event));
});

async function answerGeneration(event) {
  const port = event.ports?.[0];
  if (!port) return;
  const record = event.data.index === INDEX ? await currentRecord().catch(() => ({})) : {};
  // No storage read for the record: a part missing from the cache after all is downloaded again
  // by the page.
  const current = record.name && Array.isArray(record.index?.parts) ? record : null;
  const clientId = event.source?.id;
  if (current && clientId && !pinned.has(clientId)) pinned.set(clientId, current.name);
  // The core, when the page asks for it: as read at its navigation, else read now (on this
  // thread, not the page's), and handed over (transferred, not copied). The page's next visit
  // has it read at the navigation.
  const entry = loading.get(clientId);
  if (entry && event.data.core) corePages.add(entry.page);
  const ahead = entry?.core;
  if (entry) entry.core = null;
  const core = current && event.data.core ? await ((await ahead)?.name === current.name ? ahead : storedCore(current)) : null;
  if (core) port.postMessage({ name: current.name, index: current.index, core: { file: core.file, bytes: core.bytes } }, [core.bytes]);
  else port.postMessage(current && { name: current.name, index: current.index });
}

// The pages that asked for the core with the current generation on their last visit: their next
// navigation reads it ahead.
const corePages = new Set();

/** A generation's first part (the core) as stored, {name, file, bytes: ArrayBuffer}, else null. */
async function storedCore(record) {
  try {
    const file = record.index?.parts?.[0]?.file;
    if (!file) return null;
    const hit = await (await storedCache(record.name))?.match(new URL(file, INDEX).href);
    return hit ? { name: record.name, file, bytes: await hit.arrayBuffer() } : null;
  } catch {
    return null; // the page reads it itself
  }
}

// Caches opened once per worker, by name: a cached visit's requests each cost one keyed lookup,
// not an open and a lookup. Only caches that exist (opening one creates it); a deleted cache is
// forgotten (deleteCache).
const opened = new Map();

/** The stored cache of that name, opened once, else null. */
function storedCache(name) {
  let cache = opened.get(name);
  if (!cache) {
    cache = caches.has(name).then((has) => (has ? caches.open(name) : null));
    opened.set(name, cache);
    cache.then((c) => c || opened.delete(name), () => opened.delete(name));
  }
  return cache;
}

/** Deletes a cache, and forgets it opened. */
function deleteCache(name) {
  opened.delete(name);
  return caches.delete(name);
}

// What each page asked this worker for while it loaded, learned from its last visit (in memory):
// at its next navigation those answers are looked up at once, beside its HTML, so each of the
// page's first requests finds its answer read. Per loading page: each answer is handed out once,
// to that page, and those it does not ask for are dropped when its load is over.
const asked = new Map(); // page URL -> Set of request URLs
const loading = new Map(); // client id -> {page, timer, ahead: request URL -> Promise<Response | undefined>, core: Promise<core | null> | null}
// A page's load ends when its engine is in (it asks for the update check); one that never asks
// is taken as loaded after this long.
const PAGE_LOAD_MS = 3_000;

/** Starts reading, from storage, what the page at `page` asked for on its last visit. */
function lookAhead(event, page) {
  const clientId = event.resultingClientId;
  if (!clientId) return;
  const timer = setTimeout(() => pageLoaded(clientId), PAGE_LOAD_MS);
  const ahead = new Map();
  // The core of the current generation, for a page that asks for it with the generation.
  const core = recordMemo && corePages.has(page) ? storedCore(recordMemo) : null;
  loading.set(clientId, { page, timer, ahead, core });
  const urls = asked.get(page);
  if (!urls?.size || !recordMemo) return;
  // The data files from the generation the page is pinned to, as dataResponse reads them.
  if (!pinned.has(clientId)) pinned.set(clientId, recordMemo.name);
  const data = storedCache(pinned.get(clientId));
  const shell = shellName().then(storedCache);
  for (const url of urls) {
    const from = DATA_URLS.has(url) ? data : SHELL_URLS.has(url) ? shell : null;
    if (from) ahead.set(url, from.then((cache) => cache?.match(url)).catch(() => undefined));
  }
}

/** The answer looked up ahead for this page's request, once, else null. */
function takeAhead(clientId, url) {
  const ahead = loading.get(clientId)?.ahead;
  const hit = ahead?.get(url);
  if (!hit) return null;
  ahead.delete(url);
  return hit;
}

/** Notes a stored file a loading page asks for (the shell's files and the wasm package). */
function learn(event, bare, search) {
  const page = loading.get(event.clientId)?.page;
  if (!page || search || !(SHELL_URLS.has(bare) || DATA_URLS.has(bare))) return;
  if (!asked.has(page)) asked.set(page, new Set());
  asked.get(page).add(bare);
}

/** A page's load is over (its engine is in, or PAGE_LOAD_MS passed): the update check goes on. */
function pageLoaded(clientId) {
  const entry = clientId && loading.get(clientId);
  if (!entry) return;
  clearTimeout(entry.timer);
  loading.delete(clientId);
  if (!loading.size) for (const resume of paused.splice(0)) resume();
}

const paused = [];

/** Resolves once no page is loading (at once when none is). */
function pageLoads() {
  if (!loading.size) return Promise.resolve();
  return new Promise((resolve) => paused.push(resolve));
}
