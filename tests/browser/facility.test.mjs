// The outpatient facility demo page (UB-04 / 837I): a clean example claim, a revenue code the
// I/OCE does not know, add-on codes on OPPS and non-OPPS claims, and a screenshot.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, setDate, screenshot, withServerAndBrowser } from './helpers.mjs';

// A date inside I/OCE 27.1 (2026-04-01 to 2026-06-30), so results do not depend on today.
const DOS = '2026-05-01';

describe('outpatient facility charge entry', () => {
  const env = withServerAndBrowser();

  async function fresh() {
    const context = await env.browser.newContext({ viewport: { width: 1440, height: 1200 } });
    const page = await openPage(context, `${env.server.url}www/facility.html`);
    for (const sel of ['#stmt-from', '#stmt-through', '#l1-date']) await setDate(page, sel, DOS);
    await set(page, '#bill-type', '0131');
    await set(page, '#l1-charge', '100.00');
    return { context, page };
  }
  async function set(page, sel, value) {
    await page.fill(sel, value);
    await page.dispatchEvent(sel, 'input');
    await page.dispatchEvent(sel, 'change');
  }
  const summary = (page) => page.textContent('.cl-summary');

  it('checks the example claim clean, revenue-code-only pharmacy line included', async () => {
    const { context, page } = await fresh();
    // Before the example: line 1 has a charge but no code, so there is something to report.
    assert.doesNotMatch(await summary(page), /No problems found/);
    await page.click('#example');
    await page.waitForFunction(() => document.querySelector('#total').value === '$1,323.40');
    await page.waitForTimeout(300);
    // Checked as loaded, without pressing "Check claim": the summary says what it checked.
    assert.equal(await page.getAttribute('.cl-summary', 'data-state'), 'clean');
    assert.match(await summary(page), /No problems found/);
    assert.match(await summary(page), /Checked just now: 2 diagnoses and 5 service lines\./);
    assert.deepEqual(page.errors, []);
    await screenshot(page, 'facility-example', { fullPage: true });
    await context.close();
  });

  it('names a revenue code the I/OCE does not know and links to it', async () => {
    const { context, page } = await fresh();
    await set(page, '#dx-0-input', 'R07.9');
    await set(page, '#l1-rev', '9999');
    await set(page, '#l1-code', '99284');
    await set(page, '#l1-units', '1');
    await page.keyboard.press('Tab');
    const link = page.locator('.cl-summary__link', { hasText: 'Line 1 revenue code' });
    await link.waitFor({ timeout: 5000 });
    const item = await link.evaluate((a) => a.closest('li').textContent);
    assert.match(item, /revenue code 9999 is not valid/);
    await screenshot(page, 'facility-revenue-code');
    await link.click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'l1-rev');
    await context.close();
  });

  it('applies add-on code edits only to claims paid outside the OPPS, as the I/OCE does', async () => {
    const { context, page } = await fresh();
    await set(page, '#dx-0-input', 'R57.9');
    await set(page, '#l1-rev', '0450');
    await set(page, '#l1-code', '99292');
    await set(page, '#l1-units', '1');
    await page.keyboard.press('Tab');
    await page.waitForTimeout(500);
    assert.doesNotMatch(await summary(page), /add-on code/);
    await page.selectOption('#opps', 'false');
    await page.waitForFunction(() => /99292 is an add-on code/.test(document.querySelector('.cl-summary').textContent), null, { timeout: 5000 });
    await context.close();
  });

  it('accepts a screening colonoscopy as the principal diagnosis (the I/OCE list, not the inpatient one)', async () => {
    const { context, page } = await fresh();
    await set(page, '#dx-0-input', 'Z12.11');
    await set(page, '#l1-rev', '0360');
    await set(page, '#l1-code', '45378');
    await set(page, '#l1-units', '1');
    await page.keyboard.press('Tab');
    await page.waitForTimeout(500);
    const text = await summary(page);
    assert.doesNotMatch(text, /principal|first-listed/i, text);
    await context.close();
  });
});
