// Claim-level behaviour on the charge-entry demo: the summary, pointer checks,
// submit handling, no network while validating, timing, and a screenshot.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fillLine, requirePkg, startServer, launch, openPage, setDate, typeInto, fieldState, DOS, OUT, withServerAndBrowser } from './helpers.mjs';

describe('claimlint claim form', () => {
  const env = withServerAndBrowser();

  async function fresh(viewport = { width: 1440, height: 1000 }) {
    const context = await env.browser.newContext({ viewport });
    const page = await openPage(context, `${env.server.url}www/index.html`);
    await setDate(page, '#l1-date', DOS);
    return { context, page };
  }

  it('lists a pointer to an empty diagnosis and links to the field', async () => {
    const { context, page } = await fresh();
    await typeInto(page, '#dx-a-input', 'J15.9');
    await typeInto(page, '#l1-code', '99213');
    await typeInto(page, '#l1-ptr', 'AD');
    await page.keyboard.press('Tab');
    const link = page.locator('.cl-summary__link', { hasText: 'Line 1 diagnosis pointer' });
    await link.waitFor({ timeout: 3000 });
    const item = await link.evaluate((a) => a.closest('li').textContent);
    assert.match(item, /pointer D/);
    assert.match(item, /Error/);
    // The pointer field itself says so too, after the pause.
    const s = await fieldState(page, '#l1-ptr');
    assert.equal(s.tone, 'error');
    assert.equal(s.ariaInvalid, 'true');
    await page.focus('#dx-a-input');
    await link.click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'l1-ptr');
    // Filling diagnosis D clears the claim problem.
    await typeInto(page, '#dx-d-input', 'W21.89XA');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => !document.querySelector('.cl-summary').textContent.includes('pointer D'), null, { timeout: 3000 });
    assert.equal((await fieldState(page, '#l1-ptr')).tone, 'ok');
    await context.close();
  });

  it('shows a code finding once at its field, not again as a claim finding', async () => {
    const { context, page } = await fresh();
    await typeInto(page, '#dx-a-input', 'J15.9');
    await typeInto(page, '#dx-c-input', 'T36.01A');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => document.querySelector('.cl-summary').textContent.includes('placeholder X'), null, { timeout: 5000 });
    const count = await page.$eval('#dx-c-input', (i) => i.closest('.cl-field').textContent.split('missing the placeholder X').length - 1);
    assert.equal(count, 1);
    // Every system the form uses has data, so the panel lists vintages and nothing else.
    assert.doesNotMatch(await page.textContent('[data-claimlint-vintage]'), /\bnull\b|format only/);
    await context.close();
  });

  it('stops a submit with problems and moves focus to the summary', async () => {
    const { context, page } = await fresh();
    await typeInto(page, '#dx-a-input', 'K35.2');
    await page.click('button[type="submit"]');
    const focused = await page.evaluate(() => document.activeElement.className);
    assert.match(focused, /cl-summary__title/);
    assert.equal(await page.textContent('#outcome'), '');
    await page.fill('#dx-a-input', 'K35.201');
    // A claim needs a service line (CLAIM-LIMITS); fill one completely.
    await fillLine(page);
    await page.click('button[type="submit"]');
    assert.match(await page.textContent('#outcome'), /No problems found/);
    await context.close();
  });

  it('sends no request while validating, and renders each keystroke fast', async (t) => {
    const { context, page } = await fresh();
    // Let the service worker finish its install downloads first.
    await page.evaluate(() => navigator.serviceWorker.ready);
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    page.on('request', (r) => requests.push(r.url()));
    await typeInto(page, '#dx-a-input', 'K35.2');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await typeInto(page, '#dx-b-input', 'T36.01A');
    await page.locator('#dx-b .cl-fix').first().click();
    await typeInto(page, '#dx-c-input', 'pneumonia');
    await typeInto(page, '#l1-pos', '1');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await typeInto(page, '#l1-ptr', 'ABD');
    await typeInto(page, '#l1-units', '2');
    await page.keyboard.press('Tab');
    await page.waitForTimeout(800);
    assert.deepEqual([...new Set(requests)], [], 'no request leaves the page during validation');

    // Keystroke-to-render: the synchronous check + DOM update for one input event.
    const times = await page.evaluate(() => {
      const input = document.querySelector('#dx-e-input');
      const out = [];
      for (const code of ['J', 'J1', 'J15', 'J15.', 'J15.9', 'S72.001', 'S72.001A', 'T36.01A', 'K35.2', 'Q99.9']) {
        input.value = code;
        const t0 = performance.now();
        input.dispatchEvent(new Event('input', { bubbles: true }));
        out.push(performance.now() - t0);
      }
      return out.sort((a, b) => a - b);
    });
    const median = times[Math.floor(times.length / 2)];
    const max = times.at(-1);
    const loadMs = Number(await page.getAttribute('html', 'data-claimlint-load-ms'));
    t.diagnostic(`keystroke-to-render median ${median.toFixed(2)} ms, max ${max.toFixed(2)} ms; engine load ${loadMs} ms`);
    assert.ok(median < 16, `median keystroke render ${median} ms fits in a frame`);
    await context.close();
  });

  it('writes a screenshot of the demo', async () => {
    // Tall enough for the whole form, so the sticky side panel is drawn as a person sees it.
    const { context, page } = await fresh({ width: 1440, height: 1800 });
    await page.click('#example');
    await page.waitForTimeout(700);
    await typeInto(page, '#dx-d-input', 'S72.00');
    await page.waitForTimeout(100);
    mkdirSync(OUT, { recursive: true });
    const file = path.join(OUT, 'demo.png');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: file, animations: 'disabled' });
    assert.ok(statSync(file).size > 20_000, 'screenshot written');
    // The example claim has known problems; the summary must show them.
    const count = Number(await page.getAttribute('.cl-summary', 'data-count'));
    assert.ok(count >= 3, `summary lists the example's problems (${count})`);
    assert.deepEqual(page.errors, []);
    await context.close();
  });
});
