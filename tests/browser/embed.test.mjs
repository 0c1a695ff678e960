// The drop-in path: an ordinary form upgraded by one module script and data
// attributes; native validation; and what a person sees when the code-set
// download is cut short or fails its checksum (with a working retry).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { requirePkg, startServer, launch, openPage, setDate, typeInto, fieldState, DOS, ROOT, withServerAndBrowser } from './helpers.mjs';

describe('claimlint embedded in an existing form', () => {
  const env = withServerAndBrowser();

  it('upgrades data-claimlint inputs and blocks native submit on a bad code', async () => {
    const context = await env.browser.newContext();
    const page = await openPage(context, `${env.server.url}www/embed.html`);
    await setDate(page, '#visit-date', DOS);
    await page.fill('#patient', 'Test Patient');
    await typeInto(page, '#dx1', 'K35.2');
    assert.equal((await fieldState(page, '#dx1')).state, 'header');
    assert.equal(await page.$eval('#visit', (f) => f.checkValidity()), false);
    assert.match(await page.$eval('#dx1', (i) => i.validationMessage), /K35\.2/);
    await page.fill('#dx1', 'J15.9');
    assert.equal(await page.$eval('#visit', (f) => f.checkValidity()), true);
    // CPT numbers come from the CMS MUE/AOC tables in the blob: checked against data, not format.
    await typeInto(page, '#proc', '99213');
    assert.equal((await fieldState(page, '#proc')).state, 'billable');
    assert.deepEqual(page.errors, []);
    await context.close();
  });

  it('shows a retry path for a truncated download, and the retry works', async () => {
    const context = await env.browser.newContext();
    // The first part of the code sets (pkg/parts/parts.json) comes cut in half, under its own
    // name and its stable one (core.blob, which the engine asks for first).
    const core = JSON.parse(readFileSync(path.join(ROOT, 'pkg', 'parts', 'parts.json'), 'utf8')).parts[0];
    const blob = readFileSync(path.join(ROOT, 'pkg', 'parts', core.file));
    const corePart = /\/pkg\/parts\/core(-\w+)?\.blob$/;
    await context.route(corePart, (route) =>
      route.fulfill({ status: 200, contentType: 'application/octet-stream', body: blob.subarray(0, blob.length >> 1) }),
    );
    const page = await context.newPage();
    await page.goto(`${env.server.url}www/embed.html`);
    await page.waitForSelector('html[data-claimlint-ready="error"]', { timeout: 20_000 });
    const notice = page.locator('[data-claimlint-notice]');
    assert.equal(await notice.getAttribute('role'), 'alert');
    assert.match(await notice.getAttribute('data-error-code'), /TRUNCATED|PARTIAL/);
    assert.match(await notice.textContent(), /incomplete|stopped/i);
    await context.unroute(corePart);
    await notice.getByRole('button', { name: 'Try again' }).click();
    await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 20_000 });
    assert.equal(await notice.isHidden(), true);
    await setDate(page, '#visit-date', DOS);
    await typeInto(page, '#dx1', 'J15.9');
    assert.equal((await fieldState(page, '#dx1')).state, 'billable');
    await context.close();
  });

  it('verifies the blob sha-256 and refuses a mismatch', async () => {
    const blob = readFileSync(path.join(ROOT, 'pkg', 'codesets.blob'));
    const good = createHash('sha256').update(blob).digest('base64');
    const html = readFileSync(path.join(ROOT, 'www', 'embed.html'), 'utf8');
    const withIntegrity = (value) => html.replace('<html lang="en">', `<html lang="en" data-claimlint-integrity="${value}">`);

    const bad = await env.browser.newContext();
    await bad.route('**/www/embed.html', (route) => route.fulfill({ contentType: 'text/html', body: withIntegrity(`sha256-${'A'.repeat(43)}=`) }));
    let page = await bad.newPage();
    await page.goto(`${env.server.url}www/embed.html`);
    await page.waitForSelector('html[data-claimlint-ready="error"]', { timeout: 20_000 });
    assert.equal(await page.getAttribute('[data-claimlint-notice]', 'data-error-code'), 'INTEGRITY');
    await bad.close();

    const ok = await env.browser.newContext();
    await ok.route('**/www/embed.html', (route) => route.fulfill({ contentType: 'text/html', body: withIntegrity(`sha256-${good}`) }));
    page = await openPage(ok, `${env.server.url}www/embed.html`);
    await setDate(page, '#visit-date', DOS);
    await typeInto(page, '#dx1', 'S72.001A');
    assert.equal((await fieldState(page, '#dx1')).state, 'billable');
    await ok.close();
  });
});
