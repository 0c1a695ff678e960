// A claim checked against edit tables past their window that found nothing is not shown as
// silently clean: the summary says "No problems found" and, below it, one note per stale table
// (DATA-STALE-TABLE), read as a note (info glyph, "Note:", muted), never counted as a problem.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, setDate, leave, screenshot, VIEWPORTS, withServerAndBrowser } from './helpers.mjs';

const ON = '2026-12-01';

async function keyIn(page, sel, text) {
  await page.focus(sel);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
  await leave(page);
}

describe('stale edit tables on a clean claim', () => {
  const env = withServerAndBrowser();

  it('lists one note per stale table under a clean summary', async () => {
    const context = await env.browser.newContext({ viewport: VIEWPORTS.desktop });
    const page = await openPage(context, env.server.url);
    await setDate(page, '#l1-date', ON);
    await setDate(page, '#l2-date', ON);
    await keyIn(page, '#dx-a-input', 'J15.9');
    for (const [n, code, charge] of [[1, '99213', '120.00'], [2, '36415', '10.00']]) {
      for (const [field, value] of [['pos', '11'], ['code', code], ['units', '1'], ['ptr', 'A'], ['charge', charge]]) await keyIn(page, `#l${n}-${field}`, value);
    }
    await page.waitForFunction(() => document.querySelectorAll('.cl-summary__note').length >= 3, null, { timeout: 5000 });
    assert.equal(await page.textContent('.cl-summary__title'), 'No problems found');
    assert.equal(await page.getAttribute('.cl-summary', 'data-tone'), 'ok');
    assert.equal(await page.getAttribute('.cl-summary', 'data-count'), '0');
    assert.equal(await page.locator('.cl-summary__item').count(), 0, 'notes are not problems');
    const notes = await page.$$eval('.cl-summary__note', (li) => li.map((l) => ({ text: l.textContent, glyph: l.querySelector('.cl-icon').textContent, kind: l.className })));
    assert.equal(notes.length, 3, notes.map((n) => n.text).join('\n'));
    for (const n of notes) {
      assert.match(n.text, /^iNote: /);
      assert.match(n.kind, /cl-summary__note--info/);
      assert.match(n.text, /past it, so edits added since are not checked\. Load a newer release to be sure$/);
    }
    assert.ok(notes.some((n) => /No NCCI PTP edit applies to the claim's lines in the NCCI PTP 2024-07-01 \(derived\) practitioner table \(window 2024-07-01 to 2024-09-30\); the date of service 2026-12-01 is 792 days past it/.test(n.text)));
    assert.equal(await page.getAttribute('.cl-summary__notes', 'aria-label'), 'Notes on this claim');
    await page.evaluate(() => document.querySelector('.cl-summary').scrollIntoView());
    await screenshot(page, 'stale-table-notes');
    assert.deepEqual(page.errors, []);
    await context.close();
  });
});
