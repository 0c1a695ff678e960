// A rebuilt data set reaches the page whole: the service worker fetches the new
// parts in the background while the current load keeps the old generation, and
// the next load gets the new one. A rebuild with a damaged part is refused and
// the current generation stays. So does a rebuilt wasm module with the code sets
// unchanged (the index names each module's SHA-256). Runs on a private copy of
// www/ and pkg/ so the parts index and the wasm can be replaced.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openPage, rebuildWasm, runsRebuilt, storedVisit, withPrivateCopy } from './helpers.mjs';

describe('claimlint code-set update', () => {
  const env = withPrivateCopy('claimlint-update-');

  it('swaps to a new generation on the next load, never mid-load, and refuses a damaged one', async () => {
    const context = await env.browser.newContext();
    const url = `${env.server.url}www/index.html`;
    const page = await openPage(context, url);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const dataCaches = () => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('claimlint-data-')));
    const generation = () =>
      page.evaluate(async () => (await import(document.querySelector('script[type="module"]').src)).readyEngine().stats.generation);
    // The first visit stores its generation as the parts arrive, after the first answer; it is
    // current once every part is stored. Only then does a rebuild count as an update.
    await page.waitForFunction(
      async () => (await import(document.querySelector('script[type="module"]').src)).readyEngine()?.stats?.completeMs !== undefined,
      null,
      { timeout: 30_000 },
    );
    const first = await dataCaches();
    assert.equal(first.length, 1);
    assert.equal(await generation(), first[0]);

    const partsDir = path.join(env.dir, 'pkg', 'parts');
    const indexPath = path.join(partsDir, 'parts.json');
    const original = readFileSync(indexPath, 'utf8');
    const index = JSON.parse(original);

    // A "rebuild" whose PTP part arrives damaged (its bytes do not match the index).
    const ptp = index.parts.find((p) => p.name === 'ptp');
    const bytes = readFileSync(path.join(partsDir, ptp.file));
    bytes[bytes.length >> 1] ^= 0xff;
    writeFileSync(path.join(partsDir, 'ptp-damaged.blob'), bytes);
    writeFileSync(indexPath, JSON.stringify({ ...index, parts: index.parts.map((p) => (p === ptp ? { ...p, file: 'ptp-damaged.blob' } : p)) }));
    await page.reload();
    await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 20_000 });
    await page.waitForSelector('html[data-claimlint-update="refused"]', { timeout: 20_000 });
    assert.deepEqual(await dataCaches(), first, 'the damaged generation is not kept');

    // A good rebuild (here: the same parts under a new index).
    writeFileSync(indexPath, JSON.stringify({ ...JSON.parse(original), built: index.built + 1 }, null, 2));
    // This load still runs on the old generation, complete and working...
    await page.reload();
    await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 20_000 });
    assert.equal(await generation(), first[0]);
    // ...while the worker stores the new one beside it.
    await page.waitForFunction(async () => (await caches.keys()).filter((k) => k.startsWith('claimlint-data-')).length === 2, null, { timeout: 20_000 });
    assert.ok((await dataCaches()).includes(first[0]));
    // The page offers the stored update; pressing the button loads it.
    await page.waitForSelector('[data-claimlint-notice][data-state="update"]', { timeout: 20_000 });
    assert.equal(await page.textContent('.cl-notice__text'), 'Newer code sets have been downloaded.');
    assert.equal(await page.textContent('[data-claimlint-notice] .cl-button'), 'Use them now (reload)');
    await Promise.all([page.waitForNavigation(), page.click('[data-claimlint-notice] .cl-button')]);
    await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 20_000 });
    const now = await generation();
    assert.notEqual(now, first[0]);
    assert.ok((await dataCaches()).includes(now));
    await context.close();
  });
  it('brings a rebuilt wasm module (code sets unchanged) to the next visit, glue and wasm together', async () => {
    const context = await env.browser.newContext();
    const url = `${env.server.url}www/index.html`;
    const page = await openPage(context, url);
    await storedVisit(page);
    const generation = () =>
      page.evaluate(async () => (await import(document.querySelector('script[type="module"]').src)).readyEngine().stats.generation);
    const first = await generation();
    assert.equal(await runsRebuilt(page, '../pkg/claimlint.js'), false);

    // A rebuild of the core wasm alone, as scripts/build.sh leaves it: the parts are the same
    // files, the index names the new module.
    const pkg = path.join(env.dir, 'pkg');
    const before = JSON.parse(readFileSync(path.join(pkg, 'parts', 'parts.json'), 'utf8'));
    rebuildWasm(env.dir, 'claimlint_bg.wasm');
    const after = JSON.parse(readFileSync(path.join(pkg, 'parts', 'parts.json'), 'utf8'));
    assert.deepEqual(after.parts, before.parts, 'the code sets are unchanged');

    // This visit still runs the stored build, whole; the worker stores the new one beside it and
    // the page offers it as a new version of the page (not as new code sets).
    await page.reload();
    await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 20_000 });
    assert.equal(await generation(), first);
    assert.equal(await runsRebuilt(page, '../pkg/claimlint.js'), false);
    await page.waitForSelector('[data-claimlint-notice][data-state="update"]', { timeout: 30_000 });
    assert.equal(await page.textContent('.cl-notice__text'), 'A newer version of this page has been downloaded.');

    // The next visit runs the rebuilt wasm, from the new generation, with its own glue.
    await Promise.all([page.waitForNavigation(), page.click('[data-claimlint-notice] .cl-button')]);
    await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 20_000 });
    assert.notEqual(await generation(), first);
    assert.equal(await runsRebuilt(page, '../pkg/claimlint.js'), true);
    // And offline too: the new generation holds the rebuilt pair.
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 20_000 });
    assert.equal(await runsRebuilt(page, '../pkg/claimlint.js'), true);
    assert.deepEqual(page.errors.filter((e) => !/Failed to load resource/.test(e)), []);
    await context.close();
  });

  it('brings a rebuilt facility module to the next facility visit of a visitor who had it', async () => {
    const context = await env.browser.newContext();
    // The demo stores the generation; a visit of the facility page adds its module and part to it.
    const page = await openPage(context, `${env.server.url}www/index.html`);
    await storedVisit(page);
    await page.goto(`${env.server.url}www/facility.html`);
    await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 20_000 });
    await storedVisit(page);
    const glue = '../pkg/claimlint-facility.js';
    assert.equal(await runsRebuilt(page, glue), false);
    await page.waitForFunction(
      async (wasm) => {
        for (const n of (await caches.keys()).filter((k) => k.startsWith('claimlint-data-'))) if (await (await caches.open(n)).match(new URL(wasm, location.href).href)) return true;
        return false;
      },
      '../pkg/claimlint-facility_bg.wasm',
      { timeout: 20_000 },
    );

    rebuildWasm(env.dir, 'claimlint-facility_bg.wasm');

    await page.reload();
    await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 20_000 });
    assert.equal(await runsRebuilt(page, glue), false);
    await page.waitForSelector('[data-claimlint-notice][data-state="update"]', { timeout: 30_000 });
    await Promise.all([page.waitForNavigation(), page.click('[data-claimlint-notice] .cl-button')]);
    await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 20_000 });
    assert.equal(await runsRebuilt(page, glue), true);
    // Offline too: the new generation holds the rebuilt facility pair and the outpatient part.
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 20_000 });
    assert.equal(await runsRebuilt(page, glue), true);
    await context.close();
  });

  it('carries the parts and modules a new index lists unchanged over from the stored generation, without fetching them', async () => {
    const context = await env.browser.newContext();
    const page = await openPage(context, `${env.server.url}www/index.html`);
    await storedVisit(page);
    const generation = () =>
      page.evaluate(async () => (await import(document.querySelector('script[type="module"]').src)).readyEngine().stats.generation);
    const first = await generation();
    // A new index naming the same part files and modules, while the host no longer has those
    // files: the new generation can only come from what this device holds.
    const pkg = path.join(env.dir, 'pkg');
    const indexPath = path.join(pkg, 'parts', 'parts.json');
    const original = readFileSync(indexPath, 'utf8');
    const index = JSON.parse(original);
    const files = [...index.parts.filter((p) => !p.needs).map((p) => path.join(pkg, 'parts', p.file)), path.join(pkg, 'claimlint.js'), path.join(pkg, 'claimlint_bg.wasm')];
    const kept = files.map((f) => [f, readFileSync(f)]);
    try {
      for (const f of files) rmSync(f);
      writeFileSync(indexPath, JSON.stringify({ ...index, built: index.built + 1 }, null, 2));
      await page.reload();
      await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 20_000 });
      await page.waitForSelector('[data-claimlint-notice][data-state="update"]', { timeout: 30_000 });
      assert.equal(await page.textContent('.cl-notice__text'), 'Newer code sets have been downloaded.');
      await Promise.all([page.waitForNavigation(), page.click('[data-claimlint-notice] .cl-button')]);
      await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 20_000 });
      const now = await generation();
      assert.notEqual(now, first);
      // Its parts name the generation they now belong to.
      const named = await page.evaluate(async (name) => {
        const cache = await caches.open(name);
        return Promise.all((await cache.keys()).filter((r) => /\/parts\//.test(r.url)).map(async (r) => (await cache.match(r)).headers.get('X-Claimlint-Generation')));
      }, now);
      assert.ok(named.length >= 4 && named.every((n) => n === now), JSON.stringify(named));
    } finally {
      for (const [f, bytes] of kept) writeFileSync(f, bytes);
      writeFileSync(indexPath, original);
    }
    await context.close();
  });
});
