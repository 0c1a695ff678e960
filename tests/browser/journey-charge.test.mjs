// Journey 1, charge entry: a portal coder keys a claim on the demo page at its clean URL,
// keyboard only, at desktop (1366×900) and tablet (820×1180) sizes. Asserts the exact texts
// a person sees at each step and writes a screenshot of each size.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, setDate, stateText, leave, screenshot, DOS, VIEWPORTS, withServerAndBrowser } from './helpers.mjs';

const summaryItems = (page) => page.$$eval('.cl-summary__item', (li) => li.map((l) => l.textContent));
const tone = (page, sel) => page.$eval(sel, (i) => i.closest('.cl-field').dataset.tone);
const listCodes = (page, sel) => page.$$eval(`${sel} ~ .cl-listbox [role="option"]`, (os) => os.map((o) => o.dataset.code));

/** Focus by keyboard-reachable id, clear, and type like a person. */
async function keyIn(page, sel, text) {
  await page.focus(sel);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

for (const [size, viewport] of Object.entries(VIEWPORTS)) {
  describe(`charge entry journey (${size} ${viewport.width}×${viewport.height})`, () => {
    const env = withServerAndBrowser();

    it('types a claim: neutral while typing, errors on leave, standard form, live summary', async () => {
      const context = await env.browser.newContext({ viewport });
      const page = await openPage(context, env.server.url); // the clean URL: /
      assert.equal(await page.title(), 'Charge entry — claimlint demo');

      // An empty page reports nothing, and does not claim to have checked anything.
      assert.equal(await page.textContent('.cl-summary__title'), 'Nothing to check yet');
      assert.equal(await page.textContent('.cl-summary__intro'), 'Enter diagnoses and service lines; problems will be listed here.');
      assert.deepEqual(await summaryItems(page), []);
      await setDate(page, '#l1-date', DOS);
      assert.deepEqual(await summaryItems(page), [], 'a date alone is not a service line');

      // "J": a valid beginning, never red.
      await keyIn(page, '#dx-a-input', 'J');
      assert.equal(await stateText(page, '#dx-a-input'), 'Keep typing');
      assert.notEqual(await tone(page, '#dx-a-input'), 'error');
      // Lower case, no dot: checked as J15.9 and put in standard form on leaving.
      await page.keyboard.type('159');
      assert.equal(await stateText(page, '#dx-a-input'), 'Billable');
      await leave(page);
      assert.equal(await page.inputValue('#dx-a-input'), 'J15.9');
      assert.equal(await page.textContent('#dx-a .cl-desc'), 'J15.9 — Unspecified bacterial pneumonia');

      // An incomplete code is pending while typed, an error once the user pauses.
      await keyIn(page, '#dx-b-input', 'T36.01');
      assert.equal(await stateText(page, '#dx-b-input'), 'Keep typing');
      assert.equal(await tone(page, '#dx-b-input'), 'info');
      assert.equal(await page.getAttribute('#dx-b-input', 'aria-invalid'), null);
      await page.waitForFunction(() => document.querySelector('#dx-b-input').getAttribute('aria-invalid') === 'true', null, { timeout: 3000 });
      assert.equal(await stateText(page, '#dx-b-input'), 'Not a valid code');
      // "Did you mean" keeps the typed prefix and structure.
      const fixes = await page.$$eval('#dx-b .cl-fix', (b) => b.map((x) => x.dataset.code));
      assert.deepEqual(fixes.slice(0, 3), ['T36.0X1A', 'T36.0X1D', 'T36.0X1S']);
      assert.match(await page.textContent('#dx-b .cl-finding__text'), /^T36\.01 is missing the placeholder X and a 7th character; did you mean T36\.0X1A/);

      // A procedure typed digit by digit is never "a modifier" on the way.
      await keyIn(page, '#l1-code', '71');
      assert.equal(await stateText(page, '#l1-code'), 'Keep typing');
      // Even after a pause: 71 is the start of CPT numbers (71045…), not a modifier.
      await page.waitForTimeout(800);
      assert.equal(await stateText(page, '#l1-code'), 'Keep typing');
      assert.notEqual(await tone(page, '#l1-code'), 'error');
      await page.keyboard.type('046');
      await leave(page);
      assert.equal(await stateText(page, '#l1-code'), 'Billable');
      // The CPT licence note is said once, in the data panel, not under the line.
      assert.equal(await page.locator('#l1-code').evaluate((i) => i.closest('[data-claimlint-line]').textContent.includes('AMA')), false);
      const body = await page.textContent('body');
      assert.equal(body.split('copyrighted by the AMA').length - 1, 1, 'the CPT note appears exactly once');
      assert.equal(await page.locator('[data-claimlint-vintage] .cl-vintages__cpt').count(), 1);

      // Words per system: a modifier is a valid modifier, units are units.
      await keyIn(page, '#l1-mod1', 'rt');
      await leave(page);
      assert.equal(await page.inputValue('#l1-mod1'), 'RT');
      assert.equal(await stateText(page, '#l1-mod1'), 'Valid modifier');
      assert.match(await page.textContent('[data-claimlint-line] [data-claimlint-messages]'), /RT — Right side/);
      const modRow = await page.$eval('#l1-mod1', (i) => i.closest('.cell').getBoundingClientRect().height);
      assert.ok(modRow < 90, `the modifier cell stays one row high (${modRow}px)`);
      await keyIn(page, '#l1-units', 'two');
      await leave(page);
      assert.equal(await stateText(page, '#l1-units'), 'Not a valid number of units');
      await keyIn(page, '#l1-units', '1');
      await keyIn(page, '#l1-ptr', 'a');
      await leave(page);
      assert.equal(await page.inputValue('#l1-ptr'), 'A');

      // The summary is live: the missing charge is listed with a link to the charge field...
      await keyIn(page, '#l1-pos', '11');
      await leave(page);
      const charge = page.locator('.cl-summary__link', { hasText: 'Line 1 charge' });
      await charge.waitFor({ timeout: 3000 });
      assert.match(await charge.evaluate((a) => a.closest('li').textContent), /the line has no charge \(24F\)/);
      await charge.focus();
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'l1-charge');
      // ...and goes as soon as a charge is typed and the field is left, without "Check claim".
      await page.keyboard.type('62.50');
      await leave(page);
      assert.equal(await page.locator('.cl-summary__link', { hasText: 'Line 1 charge' }).count(), 0);
      assert.doesNotMatch((await summaryItems(page)).join('\n'), /no charge/);

      // The engine's fix is one press away in the summary too.
      const fix = page.locator('.cl-summary .cl-fix[data-code="T36.0X1A"]');
      await fix.focus();
      await page.keyboard.press('Enter');
      assert.equal(await page.inputValue('#dx-b-input'), 'T36.0X1A');
      assert.equal(await stateText(page, '#dx-b-input'), 'Billable');

      assert.equal(await page.textContent('.cl-summary__title'), 'No problems found', (await summaryItems(page)).join('\n'));
      assert.match(await page.textContent('.cl-summary__intro'), /^Checked just now: \d+ diagnos[ie]s and \d+ service lines?\.$/);

      // For the picture: one more diagnosis being typed, list open, and one left wrong.
      await keyIn(page, '#dx-c-input', 'K35.2');
      await leave(page);
      await keyIn(page, '#dx-d-input', 'S72.00');
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `charge-entry-${size}`);
      assert.deepEqual(page.errors, []);
      await context.close();
    });

    it('searches with coder abbreviations and says when nothing matches', async () => {
      const context = await env.browser.newContext({ viewport });
      const page = await openPage(context, env.server.url);
      await setDate(page, '#l1-date', DOS);

      await keyIn(page, '#dx-a-input', 'DM2 w CKD');
      assert.equal(await stateText(page, '#dx-a-input'), 'Search');
      assert.equal((await listCodes(page, '#dx-a-input'))[0], 'E11.22');
      assert.match(await page.textContent('#dx-a .cl-hint'), /codes? match(es)? “DM2 w CKD”\. Choose one from the list\./);
      assert.doesNotMatch(await page.textContent('#dx-a'), /ICD-10-PCS/);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      assert.equal(await page.inputValue('#dx-a-input'), 'E11.22');
      assert.equal(await stateText(page, '#dx-a-input'), 'Billable');

      await keyIn(page, '#dx-b-input', 'htn');
      assert.equal((await listCodes(page, '#dx-b-input'))[0], 'I10');
      for (const [q, code] of [['chf', 'I50.9'], ['copd', 'J44.9'], ['uti', 'N39.0']]) {
        await keyIn(page, '#dx-c-input', q);
        assert.equal((await listCodes(page, '#dx-c-input'))[0], code, q);
      }

      await keyIn(page, '#dx-d-input', 'qqzx pneumonia');
      assert.equal(await page.textContent('#dx-d .cl-hint'),
        'No code matches “qqzx pneumonia”. Try fewer or other words (for example “type 2 diabetes kidney”), a common abbreviation (DM2, HTN, CKD), or type the code itself.');
      await leave(page);
      assert.equal(await page.$eval('#dx-d', (el) => el.validity.valid), false, 'words are not a code the form may submit');
      assert.deepEqual(page.errors, []);
      await context.close();
    });

    it('puts an NCCI pair on the column-two code and keeps the screen reader current', async () => {
      const context = await env.browser.newContext({ viewport });
      const page = await openPage(context, env.server.url);
      // In the window of the NCCI table: 29877 is bundled into 29881.
      await setDate(page, '#l1-date', '2024-08-01');
      await setDate(page, '#l2-date', '2024-08-01');
      for (const [sel, v] of [['#l1-code', '29881'], ['#l1-ptr', 'A'], ['#l2-code', '29877'], ['#l2-ptr', 'A']]) {
        await keyIn(page, sel, v);
        await leave(page);
      }
      const ptp = page.locator('.cl-summary__item', { hasText: 'column two' });
      await ptp.waitFor({ timeout: 3000 });
      assert.equal(await ptp.locator('.cl-summary__link').textContent(), 'Line 2 procedure code');
      assert.match(await page.textContent('#l2-code ~ .cl-status') + (await page.$eval('#l2-code', (i) => i.closest('[data-claimlint-line]').textContent)), /29877 \(column two\) is bundled into 29881/);

      // J15 → J15.9: the live region never repeats what was said about J15.
      await setDate(page, '#l1-date', DOS);
      await setDate(page, '#l2-date', DOS);
      const LIVE = '.cl-visually-hidden[role="status"][aria-live="polite"]';
      const live = () => page.$$eval(LIVE, (rs) => rs.map((r) => r.textContent).join(''));
      await keyIn(page, '#dx-a-input', 'J15');
      await page.waitForFunction((sel) => /Not billable/.test([...document.querySelectorAll(sel)].map((r) => r.textContent).join('')), LIVE, { timeout: 3000 });
      await page.keyboard.type('.9');
      assert.doesNotMatch(await live(), /J15 is a header|Not billable/);
      await page.waitForFunction((sel) => [...document.querySelectorAll(sel)].map((r) => r.textContent).join('').startsWith('Billable'), LIVE, { timeout: 3000 });
      assert.match(await live(), /^Billable\. Unspecified bacterial pneumonia/);

      // A date typed wrong is a date message, never the claim model's internals.
      await page.$eval('#l1-date', (el) => {
        el.value = '12026-09-30';
        el.dispatchEvent(new Event('change', { bubbles: true }));
      });
      assert.equal(await stateText(page, '#l1-date'), 'Not a valid date');
      const text = await page.textContent('body');
      assert.doesNotMatch(text, /dateFrom|`/);
      assert.deepEqual(page.errors, []);
      await context.close();
    });
  });
}
