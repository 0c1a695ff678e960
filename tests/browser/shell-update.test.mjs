// A rebuilt page reaches the user on the next visit: on a cached visit the service worker
// answers the shell (pages, styles, modules) from storage, with no round trip per file, and
// asks the network in the background whether a file changed; a change stores the new shell
// whole, the page offers it, and the next load is the new build. Runs on a private copy of
// www/ and pkg/ so a page can be "rebuilt". A page rebuilt with its wasm is offered once both
// are stored, so the reload runs the two together. A file the worker read ahead of the page's
// request (at the navigation) is checked like any other.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openPage, rebuildWasm, runsRebuilt, storedVisit, withPrivateCopy } from './helpers.mjs';

describe('claimlint page update', () => {
  const env = withPrivateCopy('claimlint-shell-');

  it('serves the stored page first and swaps to a rebuilt one on the next load', async () => {
    const context = await env.browser.newContext();
    const page = await openPage(context, `${env.server.url}www/index.html`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    // A cached visit: the code sets are stored (the first visit is over).
    await page.waitForFunction(
      async () => (await import(document.querySelector('script[type="module"]').src)).readyEngine()?.stats?.completeMs !== undefined,
      null,
      { timeout: 30_000 },
    );
    const title = await page.title();

    // Unchanged pages: a cached visit brings no update notice.
    await page.reload();
    await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 20_000 });
    await page.waitForTimeout(1500);
    assert.notEqual(await page.getAttribute('[data-claimlint-notice]', 'data-state'), 'update', 'no update offered for an unchanged shell');

    // A rebuild of the page.
    const file = path.join(env.dir, 'www', 'index.html');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/<title>([^<]*)<\/title>/, '<title>$1 (rebuilt)</title>'));

    // This load is answered from storage (the old page, whole)...
    await page.reload();
    await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 20_000 });
    assert.equal(await page.title(), title);
    // ...while the worker finds the change, stores the new shell and says so.
    await page.waitForSelector('[data-claimlint-notice][data-state="update"]', { timeout: 20_000 });
    assert.equal(await page.textContent('.cl-notice__text'), 'A newer version of this page has been downloaded.');
    assert.equal(await page.textContent('[data-claimlint-notice] .cl-button'), 'Use it now (reload)');
    await Promise.all([page.waitForNavigation(), page.click('[data-claimlint-notice] .cl-button')]);
    await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 20_000 });
    assert.equal(await page.title(), `${title} (rebuilt)`);
    // One shell is kept: the previous build's is gone.
    const shells = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('claimlint-shell-')));
    assert.equal(shells.length, 1, String(shells));
    assert.deepEqual(page.errors, []);
    await context.close();
  });
  it('brings a rebuilt page and its rebuilt wasm together: the offer comes once both are stored', async () => {
    const context = await env.browser.newContext();
    const page = await openPage(context, `${env.server.url}www/index.html`);
    await storedVisit(page);
    const title = await page.title();
    assert.equal(await runsRebuilt(page, '../pkg/claimlint.js'), false);

    // One build changes the page and the core wasm.
    const file = path.join(env.dir, 'www', 'index.html');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/<title>([^<]*)<\/title>/, '<title>$1 (build 3)</title>'));
    rebuildWasm(env.dir, 'claimlint_bg.wasm');

    await page.reload();
    await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 20_000 });
    assert.equal(await page.title(), title);
    await page.waitForSelector('[data-claimlint-notice][data-state="update"]', { timeout: 30_000 });
    // The first offer already brings both: the new page runs the new wasm.
    await Promise.all([page.waitForNavigation(), page.click('[data-claimlint-notice] .cl-button')]);
    await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 20_000 });
    assert.equal(await page.title(), `${title} (build 3)`);
    assert.equal(await runsRebuilt(page, '../pkg/claimlint.js'), true);
    await context.close();
  });

  it('finds a rebuilt style sheet that the worker read ahead, at the navigation, before the page asked', async () => {
    const context = await env.browser.newContext();
    const page = await openPage(context, `${env.server.url}www/index.html`);
    await storedVisit(page);
    // A cached visit: the worker notes what the page asks for while it loads...
    await page.reload();
    await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 20_000 });
    // ...and reads those files at the next visit's navigation, from storage.
    const file = path.join(env.dir, 'www', 'demo.css');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n.rebuilt-sheet { color: inherit; }\n`);
    const rebuilt = () => page.evaluate(() => [...document.styleSheets].some((s) => [...s.cssRules].some((r) => r.selectorText === '.rebuilt-sheet')));
    await page.reload();
    await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 20_000 });
    assert.equal(await rebuilt(), false, 'answered from storage');
    // An answer read ahead is checked against the network like any other: the change is found,
    // the new shell stored and offered, and the next load has it.
    await page.waitForSelector('[data-claimlint-notice][data-state="update"]', { timeout: 30_000 });
    await Promise.all([page.waitForNavigation(), page.click('[data-claimlint-notice] .cl-button')]);
    await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 20_000 });
    assert.equal(await rebuilt(), true);
    assert.deepEqual(page.errors, []);
    await context.close();
  });
});
