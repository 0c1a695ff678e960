// Shared plumbing for the browser tests: a private static server per test
// file, a headless Chromium, and small page helpers.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { indexModules } from '../../scripts/index-modules.mjs';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// CLAIMLINT_ROOT serves another tree laid out like the repo (www/ + pkg/).
export const ROOT = process.env.CLAIMLINT_ROOT ? path.resolve(process.env.CLAIMLINT_ROOT) : REPO;
export const OUT = path.join(REPO, 'tests', 'browser', 'out');
// A date inside the FY2026 ICD-10-CM vintage, so results do not depend on today.
export const DOS = '2026-03-15';
/** DevTools' Slow 4G profile (1.6 Mbps down, 150 ms round trip), for the load benchmark and trace. */
export const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };

/** Fails early, with the fix, when the wasm package has not been built. */
export function requirePkg() {
  const files = ['claimlint.js', 'claimlint_bg.wasm', 'claimlint-exercise.js', 'claimlint-exercise_bg.wasm', 'claimlint-facility.js', 'claimlint-facility_bg.wasm', 'codesets.blob', 'parts/parts.json'];
  const missing = files.filter((f) => !existsSync(path.join(ROOT, 'pkg', f)));
  if (missing.length) {
    throw new Error(`pkg/ is missing ${missing.join(', ')}: run \`bash scripts/build.sh\` before the browser tests`);
  }
}

/** Starts scripts/serve.mjs on a free port; resolves to {url, stop()}. */
export function startServer(root = ROOT) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO, 'scripts', 'serve.mjs'), '--port', '0', '--root', root], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let buf = '';
    const timer = setTimeout(() => reject(new Error('serve.mjs did not print its URL')), 10_000);
    child.stdout.on('data', (chunk) => {
      buf += chunk;
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(buf);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[0],
          child,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', done);
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`serve.mjs exited early (${code})`)));
  });
}

/**
 * Registers the usual suite hooks: a private server and a headless Chromium, both closed
 * afterwards. Returns a handle whose `server` and `browser` are set once `before` has run.
 */
export function withServerAndBrowser() {
  const env = { server: null, browser: null };
  before(async () => {
    requirePkg();
    env.server = await startServer();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

/**
 * Like withServerAndBrowser, on a private copy of www/ and pkg/ (its folder is `env.dir`), so a
 * test can "rebuild" a file the server sends. The copy is removed afterwards.
 */
export function withPrivateCopy(prefix) {
  const env = { server: null, browser: null, dir: null };
  before(async () => {
    requirePkg();
    env.dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    for (const d of ['www', 'pkg']) cpSync(path.join(ROOT, d), path.join(env.dir, d), { recursive: true });
    env.server = await startServer(env.dir);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
    if (env.dir) rmSync(env.dir, { recursive: true, force: true });
  });
  return env;
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

/**
 * Waits, over a CDP session, until the page marks its engine `data-claimlint-ready` with one of
 * `values` ('core': the first part is in; 'true': every part). No polling and nothing of
 * Playwright's in the page: one expression that resolves on the attribute's change (a mutation
 * observer filtered to that attribute, so no record for the nodes the parser inserts). A poll put
 * a task on the page's main thread, and IPC on a 2-core machine, inside the ~100 ms of a cached
 * visit that the benchmark and scripts/trace-warm.mjs measure; Playwright's selector engine, which
 * waitForSelector injects into each new document, cost 30–50 ms there. A call that lands as the
 * document is replaced is made again.
 */
export function engineReadyOverCdp(cdp, values, timeoutMs, what = 'the page') {
  return attributeOverCdp(cdp, { element: 'document.documentElement', attribute: 'data-claimlint-ready', values }, timeoutMs, `${what}: engine`);
}

/**
 * Waits, over a CDP session, until `attribute` of the element that the page expression `element`
 * names has one of `values`, as {@link engineReadyOverCdp} waits (which is this for the ready mark).
 */
export async function attributeOverCdp(cdp, { element, attribute, values }, timeoutMs, what = 'the page') {
  const expression = `new Promise((resolve) => {
    const values = ${JSON.stringify(values)};
    const ok = () => values.includes((${element})?.getAttribute(${JSON.stringify(attribute)}));
    if (ok()) return resolve(true);
    const watch = new MutationObserver(() => { if (ok()) { watch.disconnect(); resolve(true); } });
    watch.observe(document, { subtree: true, attributes: true, attributeFilter: [${JSON.stringify(attribute)}] });
  })`;
  const until = Date.now() + timeoutMs;
  for (;;) {
    const left = until - Date.now();
    if (left <= 0) throw new Error(`${what}: ${attribute} not ${values.join(' or ')} after ${timeoutMs} ms`);
    let timer;
    const ready = await Promise.race([
      cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }).then((r) => r.result?.value === true, () => false),
      new Promise((r) => (timer = setTimeout(() => r('timeout'), left))),
    ]);
    clearTimeout(timer);
    if (ready === true) return;
    if (ready !== 'timeout') await new Promise((r) => setTimeout(r, 20));
  }
}

/** Opens a demo page and waits until the engine has loaded. Collects page errors. */
export async function openPage(context, url) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') page.errors.push(m.text());
  });
  await page.goto(url);
  await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 20_000 });
  return page;
}

/**
 * Waits until the service worker controls the page and the page's engine has every part in: its
 * generation is stored (the first visit is over; later visits are cached ones).
 */
export async function storedVisit(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  await everyPartIn(page);
}

/** Waits until the page's engine has every part in (titles and search too, not just the core). */
export async function everyPartIn(page) {
  await page.waitForFunction(
    async () => (await import(document.querySelector('script[type="module"]').src)).readyEngine()?.stats?.completeMs !== undefined,
    null,
    { timeout: 30_000 },
  );
}

/** Fills service line 1 completely (office visit pointing to diagnosis A). */
export async function fillLine(page) {
  for (const [sel, value] of [['#l1-pos', '11'], ['#l1-code', '99213'], ['#l1-units', '1'], ['#l1-ptr', 'A'], ['#l1-charge', '120.00']]) {
    await page.fill(sel, value);
    await page.dispatchEvent(sel, 'input');
    await page.dispatchEvent(sel, 'change');
  }
}

/** Sets a date input and fires the events a person's edit would. */
export async function setDate(page, selector, iso) {
  await page.fill(selector, iso);
  await page.dispatchEvent(selector, 'change');
}

/** Types like a person: focus, then one key event per character. */
export async function typeInto(page, selector, text) {
  await page.click(selector);
  await page.keyboard.type(text);
}

/** The field wrapper state/tone and its visible status text. */
export function fieldState(page, inputSelector) {
  return page.$eval(inputSelector, (input) => {
    const wrap = input.closest('.cl-field');
    const status = wrap.querySelector('.cl-status');
    return {
      state: wrap.dataset.state,
      tone: wrap.dataset.tone,
      status: status.textContent,
      icon: status.querySelector('.cl-icon')?.textContent || '',
      value: input.value,
      ariaInvalid: input.getAttribute('aria-invalid'),
      expanded: input.getAttribute('aria-expanded'),
    };
  });
}

/** The two sizes every journey is walked at. */
export const VIEWPORTS = {
  desktop: { width: 1366, height: 900 },
  tablet: { width: 820, height: 1180 },
};

/**
 * Writes a screenshot to tests/browser/out/NAME.png and, when CLAIMLINT_SCREENSHOTS names a
 * folder (scripts/screenshots.sh sets docs/screenshots), there too. Returns the bytes written.
 * Animations are run to their end first (Playwright's `animations: 'disabled'`): a shot taken
 * as a suggestion list opens would otherwise catch its 90 ms fade half done, the page behind it
 * showing through, which no coder sees.
 */
export async function screenshot(page, name, options = {}) {
  mkdirSync(OUT, { recursive: true });
  const buf = await page.screenshot({ path: path.join(OUT, `${name}.png`), animations: 'disabled', ...options });
  const docs = process.env.CLAIMLINT_SCREENSHOTS;
  if (docs) {
    const dir = path.resolve(REPO, docs);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${name}.png`), buf);
  }
  return buf.length;
}

/** The visible words of a field's state (without the screen-reader-only icon name). */
export function stateText(page, inputSelector) {
  return page.$eval(inputSelector, (input) => input.closest('.cl-field').querySelector('.cl-status .cl-state')?.textContent ?? '');
}

/** Presses Tab to leave the focused field, then waits for its state to settle. */
export async function leave(page) {
  await page.keyboard.press('Tab');
  await page.waitForTimeout(50);
}

/** Today's date from the machine's clock, as the widget computes it. */
export function todayIso() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The built parts index (pkg/parts/parts.json, docs/parts.md). */
export const partsIndex = () => JSON.parse(readFileSync(path.join(ROOT, 'pkg', 'parts', 'parts.json'), 'utf8'));

// In the page: `fn(engine, arg)` on the shared engine of the module the page loaded (its
// bundle), evaluated by the driver, so the page's CSP, which forbids eval, stays as it is.
export const engineCall = (page, fn, arg) =>
  page.evaluate(`(async () => {
    const { readyEngine } = await import(document.querySelector('script[type="module"]').src);
    return (${fn.toString()})(readyEngine(), ${JSON.stringify(arg ?? null)});
  })()`);

/**
 * Another build of a wasm module: the same code with one text of its data section in capitals
 * (the first `claimlint` there becomes `CLAIMLINT`), which the instance's memory then holds.
 */
function rebuilt(wasm) {
  let at = 8;
  const leb = () => {
    let n = 0;
    let shift = 0;
    let b;
    do {
      b = wasm[at++];
      n |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    return n >>> 0;
  };
  while (at < wasm.length) {
    const id = wasm[at++];
    const size = leb();
    const [start, end] = [at, at + size];
    at = end;
    if (id !== 11) continue; // the data section
    const i = wasm.indexOf('claimlint', start);
    if (i < 0 || i >= end) throw new Error('no text to change in the data section');
    const out = Buffer.from(wasm);
    out.write(MARK, i, 'latin1');
    return out;
  }
  throw new Error('no data section');
}
const MARK = 'CLAIMLINT';

// In the page: whether the wasm instance the page's engine runs holds the rebuilt text (its
// data, copied into memory). The glue's init returns the running instance's exports.
export const runsRebuilt = (page, glue) =>
  page.evaluate(
    async ([glue, mark]) => {
      const exports = await (await import(new URL(glue, location.href).href)).default();
      return new TextDecoder('latin1').decode(new Uint8Array(exports.memory.buffer)).includes(mark);
    },
    [glue, MARK],
  );

/**
 * "Rebuilds" pkg/FILE (a wasm module) in a private copy DIR as scripts/build.sh would leave it:
 * new bytes (see rebuilt), no stale precompressed copies, and the index naming the new module.
 */
export function rebuildWasm(dir, file) {
  const pkg = path.join(dir, 'pkg');
  const wasmPath = path.join(pkg, file);
  writeFileSync(wasmPath, rebuilt(readFileSync(wasmPath)));
  for (const ext of ['.br', '.gz']) rmSync(wasmPath + ext, { force: true });
  indexModules(pkg);
}

/**
 * A DevTools session on the service worker of the site at `url` (Playwright opens none for a
 * worker, and DevTools throttles each target on its own), its network domain enabled:
 * {send(method, params), close()}.
 */
export async function serviceWorkerSession(browser, url) {
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(url));
  if (!sw) throw new Error(`no service worker for ${url}`);
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false });
  let id = 0;
  const answers = new Map();
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const msg = JSON.parse(e.message);
    if (msg.id && answers.has(msg.id)) answers.get(msg.id)(msg);
  });
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const n = ++id;
      answers.set(n, (msg) => (msg.error ? reject(new Error(`${method}: ${msg.error.message}`)) : resolve(msg.result)));
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: n, method, params }) }).catch(reject);
    });
  await send('Network.enable');
  return { send, close: () => cdp.detach() };
}
