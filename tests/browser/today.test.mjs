// Issue 14 in the browser: the demo opened on today's date (the machine's real clock) starts
// its date of service at today, never a silently substituted date, and validates a diagnosis
// against the code set in force today, naming that vintage in the data panel.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, stateText, leave, todayIso, VIEWPORTS, withServerAndBrowser } from './helpers.mjs';

/** Fiscal year of a date: October starts the next one (2026-12-01 is in FY2027). */
function fiscalYear(iso) {
  const [y, m] = iso.split('-').map(Number);
  return m >= 10 ? y + 1 : y;
}

describe("today's claim", () => {
  const env = withServerAndBrowser();

  it('defaults to today and validates J15.9 with the vintage for today shown', async () => {
    const context = await env.browser.newContext({ viewport: VIEWPORTS.desktop });
    const page = await openPage(context, env.server.url);
    const today = todayIso();
    assert.equal(await page.inputValue('#l1-date'), today, 'the date of service is today, not a substitute');
    assert.equal(await page.textContent('#dos-used'), `${today} (earliest service line)`);

    await page.focus('#dx-a-input');
    await page.keyboard.type('J15.9');
    await leave(page);
    const fy = `FY${fiscalYear(today)}`;
    const vintages = await page.$$eval('.cl-vintage[data-system="icd10cm"]', (li) => li.map((l) => l.textContent));
    assert.ok(vintages.some((v) => v.includes(fy)), `the blob must carry the ICD-10-CM ${fy} edition for today (${today}); it has: ${vintages.join(' | ')}`);
    assert.equal(await stateText(page, '#dx-a-input'), 'Billable');
    assert.equal(await page.textContent('#dx-a .cl-desc'), 'J15.9 — Unspecified bacterial pneumonia');
    const active = await page.textContent('.cl-vintage--active[data-system="icd10cm"]');
    assert.match(active, new RegExp(`ICD-10-CM ${fy}`));
    assert.match(active, new RegExp(`In use for ${today}`));
    assert.deepEqual(page.errors, []);
    await context.close();
  });
});
