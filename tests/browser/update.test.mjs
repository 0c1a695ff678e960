// A rebuilt blob reaches the page whole: the service worker fetches it in the
// background while the current load keeps the old generation, and the next
// load gets the new one. Runs on a private copy of www/ and pkg/ so the blob
// can be replaced (with damaged bytes, which the engine then reports).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requirePkg, startServer, launch, openPage, ROOT } from './helpers.mjs';

describe('claimlint code-set update', () => {
  let server, browser, dir;

  before(async () => {
    requirePkg();
    dir = mkdtempSync(path.join(os.tmpdir(), 'claimlint-update-'));
    for (const d of ['www', 'pkg']) cpSync(path.join(ROOT, d), path.join(dir, d), { recursive: true });
    server = await startServer(dir);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('swaps to a new blob on the next load, never mid-load', async () => {
    const context = await browser.newContext();
    const url = `${server.url}www/index.html`;
    const page = await openPage(context, url);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const dataCaches = () => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('claimlint-data-')));
    const first = await dataCaches();
    assert.equal(first.length, 1);

    // "Rebuild": same size, different bytes.
    const blobPath = path.join(dir, 'pkg', 'codesets.blob');
    const bytes = readFileSync(blobPath);
    bytes[bytes.length - 1] ^= 0xff;
    writeFileSync(blobPath, bytes);
    // A rebuild rewrites the precompressed copies too; here they are simply dropped.
    for (const ext of ['.br', '.gz']) rmSync(blobPath + ext, { force: true });

    // This load still runs on the old generation, complete and working...
    await page.reload();
    await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 20_000 });
    // ...while the worker stores the new one beside it.
    await page.waitForFunction(async () => (await caches.keys()).filter((k) => k.startsWith('claimlint-data-')).length === 2, null, { timeout: 20_000 });
    assert.ok((await dataCaches()).includes(first[0]));
    // The page offers the stored update; pressing the button loads it.
    await page.waitForSelector('[data-claimlint-notice][data-state="update"]', { timeout: 20_000 });
    assert.equal(await page.textContent('.cl-notice__text'), 'Newer code sets have been downloaded.');
    assert.equal(await page.textContent('[data-claimlint-notice] .cl-button'), 'Use them now (reload)');

    // The next load uses the new blob: here it is damaged, and the engine says so.
    await Promise.all([page.waitForNavigation(), page.click('[data-claimlint-notice] .cl-button')]);
    await page.waitForSelector('html[data-claimlint-ready="error"]', { timeout: 20_000 });
    assert.match(await page.getAttribute('[data-claimlint-notice]', 'data-error-code'), /BLOB_|INTEGRITY/);
    await context.close();
  });
});
