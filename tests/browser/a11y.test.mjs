// axe-core audit of both demo pages in their busiest states (errors shown,
// completion list open). bypassCSP is set on this context only, because axe
// is injected as a script the pages' CSP would otherwise refuse.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { requirePkg, startServer, launch, openPage, setDate, typeInto, axeViolations, DOS } from './helpers.mjs';

const audit = (page) => axeViolations(page, ['serious', 'critical']);

describe('claimlint accessibility', () => {
  let server, browser, context;

  before(async () => {
    requirePkg();
    server = await startServer();
    browser = await launch();
    context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('charge-entry page has no serious or critical axe violations', async () => {
    const page = await openPage(context, `${server.url}www/index.html`);
    await setDate(page, '#l1-date', DOS);
    await page.click('#example');
    await typeInto(page, '#dx-e-input', 'T36.01A');
    await typeInto(page, '#dx-d-input', 'K35.2'); // leaves the list open
    await page.waitForTimeout(700);
    assert.equal(await page.getAttribute('#dx-d-input', 'aria-expanded'), 'true');
    assert.deepEqual(await audit(page), []);
  });

  it('embedded form has no serious or critical axe violations', async () => {
    const page = await openPage(context, `${server.url}www/embed.html`);
    await setDate(page, '#visit-date', DOS);
    await typeInto(page, '#dx1', 'T36.01A');
    await typeInto(page, '#dx2', 'S72.001');
    await page.waitForTimeout(700);
    assert.deepEqual(await audit(page), []);
  });
});
