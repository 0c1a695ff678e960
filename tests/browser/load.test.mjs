// Code sets in parts: an ICD-10-CM check is answered as soon as the core part is in, while
// the PTP part is still downloading (held here); a PTP question meanwhile answers `loading`,
// never "invalid"; the notice shows bytes done and total per part. A damaged part is refused
// when it arrives, and a later visit opens the stored parts without downloading them again.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { withServerAndBrowser, setDate, typeInto, fieldState, screenshot, engineCall, storedVisit, partsIndex as index, ROOT, DOS, VIEWPORTS } from './helpers.mjs';

/** Holds back the requests matching `pattern` until the returned function is called. */
async function holdBack(context, pattern) {
  let release;
  const gate = new Promise((r) => (release = r));
  await context.route(pattern, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

describe('claimlint code sets in parts', () => {
  const env = withServerAndBrowser();

  it('loads the demo page\'s widget as one bundled module, the engine first, the wasm preloaded', async () => {
    const html = readFileSync(path.join(ROOT, 'www', 'index.html'), 'utf8');
    const links = (rel) => new Set([...html.matchAll(new RegExp(`<link rel="${rel}" href="([^"]+)"`, 'g'))].map((m) => m[1]));
    assert.deepEqual([...links('modulepreload')].sort(), ['../pkg/claimlint.js', 'dist/demo.js']);
    // The boot script is the page's only script: deferred and render-blocking, ahead of the
    // styles, so the engine starts before DOMContentLoaded and its first layout. It runs the page
    // bundle (preloaded, marked as the page's) once the engine is in.
    assert.ok(html.indexOf('src="dist/boot.js"') < html.indexOf('rel="stylesheet"'));
    assert.deepEqual([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]), ['<script type="module" blocking="render" src="dist/boot.js">']);
    assert.match(html, /<link rel="modulepreload" href="dist\/demo.js" data-claimlint-page>/);
    // The index and the core are not preloaded from the HTML: the engine asks for them as it
    // starts (a cached visit reads them from storage, and ?data=blob does not use them).
    assert.deepEqual([...links('preload')], ['../pkg/claimlint_bg.wasm']);
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const scripts = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`${env.server.url}www/index.html`);
    await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 30_000 });
    // The boot script (with the engine), the bundle and the wasm glue, nothing of the module graph
    // under www/claimlint/.
    assert.deepEqual(scripts.sort(), ['/pkg/claimlint.js', '/www/dist/boot.js', '/www/dist/demo.js']);
    await context.close();
  });

  it('answers ICD-10-CM checks while the PTP part is still loading', async () => {
    const parts = index().parts;
    assert.deepEqual(parts.map((p) => p.name), ['core', 'titles', 'claim', 'outpatient', 'ptp']);
    assert.ok(parts[0].sections.some((s) => s.name === 'icd10cm.codes'));
    const context = await env.browser.newContext({ viewport: VIEWPORTS.desktop });
    const release = await holdBack(context, '**/pkg/parts/ptp-*.blob');
    const page = await context.newPage();
    await page.goto(`${env.server.url}www/index.html`);
    await page.waitForSelector('html[data-claimlint-ready="core"]', { timeout: 20_000 });

    // The first check is answered from the core part.
    await setDate(page, '#l1-date', DOS);
    await typeInto(page, '#dx-a-input', 'J15.9');
    await page.waitForFunction(() => document.querySelector('#dx-a-input').closest('.cl-field')?.dataset.state === 'billable');
    // Titles arrive with the next part; the field then shows the description.
    await page.waitForSelector('.cl-notice__part[data-part="titles"][data-done="true"]', { timeout: 20_000 });
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => /pneumonia/i.test(document.querySelector('#dx-a-input').closest('.cl-field')?.textContent));

    // A PTP question waits: `loading`, naming the part, not a verdict.
    await page.waitForSelector('.cl-notice__part[data-part="claim"][data-done="true"]', { timeout: 20_000 });
    const pending = await engineCall(page, (engine, on) => engine.checkPair('11042', '97597', { on }), DOS);
    assert.deepEqual(pending, { status: 'loading', loading: 'ptp', findings: [] });
    const claim = await engineCall(page, (engine) => engine.checkClaim({ diagnoses: ['J15.9'], lines: [] }));
    assert.equal(claim.status, 'loading');
    assert.equal(await engineCall(page, (engine, on) => engine.checkCode('icd10cm', 'J15.9', on).state, DOS), 'billable');
    assert.equal(await engineCall(page, (engine, on) => engine.checkCode('hcpcs', 'E0114', on).state, DOS), 'billable');

    // The notice: a labelled progress bar and bytes done / total for each part.
    const notice = await page.$eval('[data-claimlint-notice]', (el) => ({
      state: el.dataset.state,
      text: el.querySelector('.cl-notice__text').textContent,
      label: el.querySelector('progress').getAttribute('aria-label'),
      hidden: el.querySelector('progress').getAttribute('aria-hidden'),
      parts: [...el.querySelectorAll('.cl-notice__part')].map((li) => li.textContent),
    }));
    assert.equal(notice.state, 'loading');
    assert.equal(notice.label, 'Code sets downloaded');
    assert.equal(notice.hidden, null);
    assert.match(notice.text, /ICD-10-CM codes can be checked now\. Loading NCCI PTP edits…/);
    assert.equal(notice.parts.length, 4);
    assert.match(notice.parts[0], /^ICD-10-CM codes: [\d,]+ KB, ready$/);
    assert.match(notice.parts[1], /^titles, procedure codes and search: [\d.]+ MB, ready$/);
    assert.match(notice.parts[3], /^NCCI PTP edits: 0 KB of [\d.]+ MB$/);
    await screenshot(page, 'load-core-ready');

    // The PTP part arrives: the same question gets its answer, and the load completes.
    release();
    await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 30_000 });
    const answered = await engineCall(page, (engine, on) => engine.checkPair('11042', '97597', { on }), DOS);
    assert.ok(Array.isArray(answered), 'findings array once the PTP part is in');
    assert.ok(answered.some((f) => /^PTP/.test(f.rule)), JSON.stringify(answered));
    assert.equal(await page.isVisible('[data-claimlint-notice]'), false);

    // A later visit opens the stored parts: no part is requested again, from the network or
    // the service worker (the worker hands the core over; the page reads the others from Cache Storage).
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.unrouteAll(); // Playwright's routing would take requests from the worker
    const requested = [];
    page.on('request', (r) => {
      if (/\/pkg\/parts\/.+\.blob$/.test(r.url())) requested.push(r.url());
    });
    await page.reload();
    await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 20_000 });
    assert.deepEqual(requested, []);
    assert.equal(await engineCall(page, (engine) => engine.stats.stored), true);
    await context.close();
  });

  it('takes a cached visit\'s core from the service worker, and reads it itself when no worker answers', async () => {
    const context = await env.browser.newContext();
    // The page's own Cache Storage lookups of a part, and (when asked) a controller that does
    // not answer the engine's question (a host page's own worker).
    await context.addInitScript(() => {
      window.partReads = [];
      const match = CacheStorage.prototype.match;
      CacheStorage.prototype.match = function (request, options) {
        if (/\/pkg\/parts\/.+\.blob$/.test(String(request?.url ?? request))) window.partReads.push(String(request?.url ?? request));
        return match.call(this, request, options);
      };
      if (sessionStorage.getItem('silent-worker')) {
        const post = ServiceWorker.prototype.postMessage;
        ServiceWorker.prototype.postMessage = function (message, ...rest) {
          if (message?.type !== 'claimlint-generation') post.call(this, message, ...rest);
        };
      }
    });
    const page = await context.newPage();
    await page.goto(`${env.server.url}www/index.html`);
    await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 30_000 });
    await storedVisit(page);
    const core = new URL(`../pkg/parts/${index().parts[0].file}`, `${env.server.url}www/`).href;
    const visit = async () => {
      await page.reload();
      await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 20_000 });
      return page.evaluate(() => window.partReads);
    };
    // The first cached visit reads the core itself and learns that the worker hands it over; the
    // next ones take it from the worker, read at the navigation: the page looks up no part
    // until its engine is in (the later parts are read after the first answer).
    await visit();
    for (let i = 0; i < 2; i++) {
      const reads = await visit();
      assert.ok(!reads.includes(core), `visit ${i + 2}: the page read the core itself: ${reads.join(' ')}`);
      assert.equal(await engineCall(page, (engine) => engine.stats.stored), true);
      assert.equal(await engineCall(page, (engine, on) => engine.checkCode('icd10cm', 'J15.9', on).state, DOS), 'billable');
    }
    // A controller that never answers: after a short wait the page reads the stored core itself.
    await page.evaluate(() => sessionStorage.setItem('silent-worker', '1'));
    const reads = await visit();
    assert.ok(reads.includes(core), reads.join(' '));
    assert.equal(await engineCall(page, (engine) => engine.stats.stored), true);
    assert.equal(await engineCall(page, (engine, on) => engine.checkCode('icd10cm', 'J15.9', on).state, DOS), 'billable');
    await context.close();
  });

  it('paints a first visit while the code sets download, and a cached visit once its engine is in', async () => {
    const context = await env.browser.newContext();
    // A first visit: the core is held back until the page has painted, which it does without it.
    const release = await holdBack(context, '**/pkg/parts/core*.blob');
    const page = await context.newPage();
    const painted = () => page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 20_000 });
    await page.goto(`${env.server.url}www/index.html`);
    await painted();
    assert.equal(await engineCall(page, (engine) => engine === null), true, 'painted before the engine is in');
    release();
    await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 30_000 });
    await storedVisit(page);
    await context.unrouteAll();
    // A cached visit: no paint before the engine is in, or before the boot script's wait is up.
    await context.addInitScript(() =>
      document.addEventListener('DOMContentLoaded', () => (window.hiddenAtDomContentLoaded = document.documentElement.style.display === 'none'), { once: true }),
    );
    await page.reload();
    await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 20_000 });
    await painted();
    const t = await page.evaluate(() => ({
      ...Object.fromEntries(['first-contentful-paint', 'claimlint-engine-ready', 'claimlint-load-start'].map((n) => [n, performance.getEntriesByName(n)[0]?.startTime])),
      domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventStart,
      hiddenAtDomContentLoaded: window.hiddenAtDomContentLoaded,
    }));
    const held = Math.min(t['claimlint-engine-ready'], t['claimlint-load-start'] + 250);
    assert.ok(t['first-contentful-paint'] >= held, JSON.stringify(t));
    // The engine starts before DOMContentLoaded, and the form is hidden by then: the browser's
    // layout there (form autofill) is not held ahead of the engine's start.
    assert.ok(t['claimlint-load-start'] <= t.domContentLoaded, JSON.stringify(t));
    assert.equal(t.hiddenAtDomContentLoaded, true, JSON.stringify(t));
    await context.close();
  });

  it('loads the single whole blob (?data=blob) without asking for the index or any part', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const requested = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${env.server.url}www/index.html?data=blob`);
    await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 30_000 });
    assert.ok(requested.includes('/pkg/codesets.blob'), requested.join(' '));
    assert.deepEqual(requested.filter((p) => p.startsWith('/pkg/parts/')), []);
    await context.close();
  });

  it('refuses a damaged part when it arrives', async () => {
    const context = await env.browser.newContext();
    const core = index().parts[0];
    const bytes = readFileSync(path.join(ROOT, 'pkg', 'parts', core.file));
    bytes[bytes.length >> 1] ^= 0xff;
    await context.route(/\/pkg\/parts\/core(-\w+)?\.blob$/, (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body: bytes }));
    const page = await context.newPage();
    await page.goto(`${env.server.url}www/index.html`);
    await page.waitForSelector('html[data-claimlint-ready="error"]', { timeout: 20_000 });
    assert.equal(await page.getAttribute('[data-claimlint-notice]', 'data-error-code'), 'INTEGRITY');
    await typeInto(page, '#dx-a-input', 'J15.9');
    assert.notEqual((await fieldState(page, '#dx-a-input')).state, 'invalid_format');
    // Nothing of the damaged part was kept.
    const kept = await page.evaluate(async () => {
      const urls = [];
      for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
      return urls.filter((u) => u.includes('/parts/core-'));
    });
    assert.deepEqual(kept, []);
    await context.close();
  });
});
