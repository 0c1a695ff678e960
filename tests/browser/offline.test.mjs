// Offline mode: after one online visit the service worker has the pages,
// the wasm and the code sets, so the demo loads and validates with no server.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { requirePkg, startServer, launch, openPage, setDate, typeInto, fieldState, DOS, storedVisit, withServerAndBrowser } from './helpers.mjs';

describe('claimlint offline', () => {
  const env = withServerAndBrowser();

  it('says plainly, offline, that the facility page was never stored when only the demo was visited', async () => {
    const context = await env.browser.newContext();
    const page = await openPage(context, `${env.server.url}www/index.html`);
    // The demo's generation is stored and current: the core module and the parts it reads, not the
    // facility module nor the `outpatient` part.
    await storedVisit(page);
    await context.setOffline(true);
    await page.goto(`${env.server.url}www/facility.html`);
    // The page (stored with the shell) opens and says why it cannot check, with a retry; no endless "Loading".
    await page.waitForSelector('html[data-claimlint-ready="error"], html[data-claimlint-ready="partial"]', { timeout: 20_000 });
    const notice = page.locator('[data-claimlint-notice]');
    assert.equal(await notice.getAttribute('data-state'), 'error');
    assert.equal(await notice.getAttribute('data-error-code'), 'OFFLINE');
    assert.match(await page.textContent('.cl-notice__text'), /offline.*not stored on this device/i);
    assert.equal(await page.isVisible('[data-claimlint-notice] .cl-button'), true);
    // The data panel and the offline line agree: nothing loaded, not on this device.
    assert.equal(await page.textContent('[data-claimlint-vintage]'), 'No code sets loaded.');
    assert.match(await page.textContent('#offline-state'), /not on this device yet/i);
    await context.close();
  });

  it('says, offline, which part the facility page is missing when its module is stored and codes check', async () => {
    const context = await env.browser.newContext();
    const page = await openPage(context, `${env.server.url}www/index.html`);
    await storedVisit(page);
    // A facility visit online whose `outpatient` part does not arrive: the facility module joins
    // the stored generation, the part does not.
    await context.route('**/pkg/parts/outpatient-*.blob', (route) => route.abort());
    await page.goto(`${env.server.url}www/facility.html`);
    await page.waitForSelector('html[data-claimlint-ready="partial"]', { timeout: 20_000 });
    await page.waitForFunction(
      async () => Boolean(await caches.match(new URL('../pkg/claimlint-facility_bg.wasm', location.href).href)),
      null,
      { timeout: 20_000 },
    );
    await context.unroute('**/pkg/parts/outpatient-*.blob');

    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('html[data-claimlint-ready="partial"]', { timeout: 20_000 });
    // Codes are checked from what is stored...
    await setDate(page, '#l1-date', DOS);
    await typeInto(page, '#dx-0-input', 'R07.9');
    await page.waitForFunction(() => document.querySelector('#dx-0-input').closest('.cl-field')?.dataset.state === 'billable');
    // ...and the page says what is missing, not that nothing is on this device.
    assert.equal(await page.getAttribute('[data-claimlint-notice]', 'data-error-code'), 'OFFLINE');
    assert.match(await page.textContent('.cl-notice__text'), /codes are checked .* but the outpatient facility edits \(I\/OCE\) are not stored/i);
    const line = await page.textContent('#offline-state');
    assert.match(line, /^Works offline, except the outpatient facility edits \(I\/OCE\): not on this device yet/);
    await context.close();
  });

  it('reloads and validates with the network gone', async () => {
    const context = await env.browser.newContext();
    const page = await openPage(context, `${env.server.url}www/index.html`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10_000 });
    const caches = await page.evaluate(() => caches.keys());
    assert.ok(caches.some((c) => c.startsWith('claimlint-shell-')), `shell cached: ${caches}`);
    assert.ok(caches.some((c) => c.startsWith('claimlint-data-')), `code sets cached: ${caches}`);

    // Really offline: the browser reports no network and the server is gone.
    await env.server.stop();
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 20_000 });
    await setDate(page, '#l1-date', DOS);
    await typeInto(page, '#dx-a-input', 'W21.89XA');
    const s = await fieldState(page, '#dx-a-input');
    assert.equal(s.state, 'billable');
    assert.match(s.status, /struck by other sports equipment/i);
    await typeInto(page, '#dx-b-input', 'K35.2');
    assert.equal((await fieldState(page, '#dx-b-input')).state, 'header');
    await context.close();
    env.server = null;
  });
});
