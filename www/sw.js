// Service worker: makes the demo work offline after the first visit.
//
// Two kinds of cache:
//  - the shell (pages, CSS, widget modules): network first, cache when offline,
//    so an online visit always gets the latest pages;
//  - the data generation (wasm glue, wasm, code-set blob), named by the blob's
//    sha-256. The three are swapped together: a new blob is fetched in the
//    background, stored as a complete new generation, and only then made
//    current, so the next load gets new glue + wasm + blob, never a mix.
//    A page already loading stays pinned to the generation it started with.
const SHELL_VERSION = 'v2';
const SHELL_CACHE = `claimlint-shell-${SHELL_VERSION}`;
const META_CACHE = 'claimlint-meta';
const DATA_PREFIX = 'claimlint-data-';
const CURRENT_KEY = new URL('__claimlint/current', self.registration.scope).href;
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
  './demo.js',
  './demo-page.js',
  './facility.js',
  './demo.css',
  './embed-page.css',
  './favicon.svg',
  './manifest.webmanifest',
  './icons/icon-192.png',
  './icons/icon-512.png',
  './icons/icon-maskable-512.png',
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

const DATA = {
  glue: new URL('../pkg/claimlint.js', self.location).href,
  wasm: new URL('../pkg/claimlint_bg.wasm', self.location).href,
  blob: new URL('../pkg/codesets.blob', self.location).href,
  sha: new URL('../pkg/codesets.blob.sha256', self.location).href, // optional
};
const DATA_URLS = new Set(Object.values(DATA));

const pinned = new Map(); // clientId -> data cache name
let lastCheck = 0;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL_CACHE);
      await shell.addAll(SHELL.map((url) => new Request(url, { cache: 'reload' })));
      if (!(await currentGeneration())) await fetchGeneration();
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([SHELL_CACHE, META_CACHE, await currentGeneration()]);
      for (const name of await caches.keys()) {
        if (name.startsWith('claimlint-') && !keep.has(name)) await caches.delete(name);
      }
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
  if (DATA_URLS.has(bare)) {
    event.respondWith(dataResponse(event, bare));
    if (bare === DATA.blob) event.waitUntil(maybeUpdate());
    return;
  }
  if (url.pathname.startsWith(new URL(self.registration.scope).pathname)) {
    event.respondWith(shellResponse(request));
  }
});

async function shellResponse(request) {
  const cache = await caches.open(SHELL_CACHE);
  try {
    const res = await fetch(request);
    if (res.ok) await cache.put(request, res.clone());
    return res;
  } catch (err) {
    const hit = (await cache.match(request, { ignoreSearch: true })) ||
      (request.mode === 'navigate' ? await cache.match(new URL('./index.html', self.location).href) : undefined);
    if (hit) return hit;
    throw err;
  }
}

async function dataResponse(event, bare) {
  const clientId = event.clientId || event.resultingClientId;
  let name = clientId && pinned.get(clientId);
  if (!name) {
    name = await currentGeneration();
    if (clientId && name) pinned.set(clientId, name);
  }
  if (name) {
    const hit = await (await caches.open(name)).match(bare);
    if (hit) return hit;
  }
  return fetch(event.request);
}

async function currentGeneration() {
  const meta = await caches.open(META_CACHE);
  const res = await meta.match(CURRENT_KEY);
  if (!res) return null;
  const { name } = await res.json();
  return (await caches.has(name)) ? name : null;
}

async function currentRecord() {
  const res = await (await caches.open(META_CACHE)).match(CURRENT_KEY);
  return res ? res.json() : {};
}

/** Downloads glue, wasm and blob into a new generation and makes it current. */
async function fetchGeneration(known = {}) {
  const blobRes = await fetch(DATA.blob, { cache: 'no-cache' });
  if (!blobRes.ok) throw new Error(`blob: HTTP ${blobRes.status}`);
  const etag = blobRes.headers.get('etag') || '';
  if (etag && etag === known.etag) return known.name;
  const bytes = await blobRes.arrayBuffer();
  const sha = hex(await crypto.subtle.digest('SHA-256', bytes));
  const name = DATA_PREFIX + sha.slice(0, 16);
  if (name !== known.name) {
    const [glue, wasm, digest] = await Promise.all(
      [DATA.glue, DATA.wasm, DATA.sha].map((u) => fetch(u, { cache: 'no-cache' }).catch(() => null)),
    );
    if (!glue?.ok || !wasm?.ok) throw new Error('wasm package incomplete');
    const cache = await caches.open(name);
    await cache.put(DATA.glue, glue);
    await cache.put(DATA.wasm, wasm);
    if (digest?.ok) await cache.put(DATA.sha, digest);
    await cache.put(DATA.blob, new Response(bytes, { headers: blobRes.headers }));
  }
  // The switch: one small write, after the whole generation is stored.
  const record = { name, sha, etag, at: Date.now() };
  await (await caches.open(META_CACHE)).put(CURRENT_KEY, new Response(JSON.stringify(record), { headers: { 'Content-Type': 'application/json' } }));
  // Keep the previous generation until the next switch: a page pinned to it may still be loading.
  if (known.name && known.name !== name) {
    for (const old of await caches.keys()) {
      if (old.startsWith(DATA_PREFIX) && old !== name && old !== known.name) await caches.delete(old);
    }
  }
  return name;
}

async function maybeUpdate(force = false) {
  if (!force && Date.now() - lastCheck < UPDATE_INTERVAL_MS) return;
  lastCheck = Date.now();
  try {
    const before = await currentRecord();
    const name = await fetchGeneration(before);
    // A new generation is stored whole: tell the pages, which offer to use it.
    if (before.name && name !== before.name) {
      for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage({ type: 'claimlint-update', name });
    }
  } catch {
    // Offline or server gone: keep serving the current generation.
  }
}

// A page that comes back online asks for a check.
self.addEventListener('message', (event) => {
  if (event.data?.type === 'claimlint-check-update') event.waitUntil(maybeUpdate(true));
});

function hex(buf) {
  return [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
