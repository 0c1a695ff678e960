// Field behaviour on the charge-entry demo: states, completions, fixes,
// keyboard-only use, native validity and XSS safety, against the real engine.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { everyPartIn, fillLine, requirePkg, startServer, launch, openPage, setDate, typeInto, fieldState, DOS, withServerAndBrowser } from './helpers.mjs';

describe('claimlint field', () => {
  const env = withServerAndBrowser();
  let context, page;

  // A fresh page per test keeps them independent.
  async function fresh() {
    await context?.close();
    context = await env.browser.newContext({ viewport: { width: 1440, height: 1000 } });
    page = await openPage(context, `${env.server.url}www/index.html`);
    await setDate(page, '#l1-date', DOS);
    return page;
  }

  it('shows the header state and completions for K35.2', async () => {
    await fresh();
    await typeInto(page, '#dx-a-input', 'K35.2');
    const s = await fieldState(page, '#dx-a-input');
    assert.equal(s.state, 'header');
    assert.match(s.status, /Not billable/);
    assert.ok(s.icon, 'state has an icon glyph as well as words');
    assert.equal(s.expanded, 'true');
    // aria-invalid waits for a pause; it must not be set mid-typing.
    assert.equal(s.ariaInvalid, null);
    const codes = await page.$$eval('#dx-a-input ~ .cl-listbox [role="option"]', (os) => os.map((o) => o.dataset.code));
    assert.ok(codes.length >= 2, `completions listed: ${codes}`);
    assert.ok(codes.every((c) => c.startsWith('K35.2')), `all completions extend K35.2: ${codes}`);
    // The listbox is the one the combobox says it controls.
    const linked = await page.$eval('#dx-a-input', (i) => document.getElementById(i.getAttribute('aria-controls'))?.getAttribute('role'));
    assert.equal(linked, 'listbox');
    // The inline message is tied to the input.
    const described = await page.$eval('#dx-a-input', (i) =>
      i.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id)?.textContent || '').join(' '),
    );
    assert.match(described, /Not billable/);
    await page.waitForFunction(() => document.querySelector('#dx-a-input').getAttribute('aria-invalid') === 'true', null, { timeout: 3000 });
  });

  it('offers T36.0X1A for T36.01A and applies it in one click', async () => {
    await fresh();
    await typeInto(page, '#dx-b-input', 'T36.01A');
    let s = await fieldState(page, '#dx-b-input');
    assert.equal(s.state, 'invalid_format');
    // Neutral while typing; the error shows after the pause.
    assert.equal(s.tone, 'info');
    assert.match(s.status, /Keep typing/);
    await page.waitForFunction(() => document.querySelector('#dx-b-input').closest('.cl-field').dataset.tone === 'error', null, { timeout: 3000 });
    const fix = page.locator('#dx-b .cl-fix[data-code="T36.0X1A"]');
    assert.equal(await fix.textContent(), 'Use T36.0X1A');
    await fix.click();
    s = await fieldState(page, '#dx-b-input');
    assert.equal(s.value, 'T36.0X1A');
    assert.equal(s.state, 'billable');
    assert.equal(s.ariaInvalid, null);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'dx-b-input', 'focus returns to the field');
  });

  it('selects a completion with the keyboard alone', async () => {
    await fresh();
    // Every part in first: completions that arrive with a later part re-render the list, and
    // this test is about the keys, not about loading.
    await everyPartIn(page);
    await page.focus('#dx-c-input');
    await page.keyboard.type('S72.001');
    let s = await fieldState(page, '#dx-c-input');
    assert.equal(s.state, 'header');
    const options = await page.$$eval('#dx-c-input ~ .cl-listbox [role="option"]', (os) => os.map((o) => ({ id: o.id, code: o.dataset.code })));
    assert.ok(options.length >= 3, 'S72.001 lists its 7th-character codes');
    const active = () => page.$eval('#dx-c-input', (i) => i.getAttribute('aria-activedescendant'));
    await page.keyboard.press('ArrowDown');
    assert.equal(await active(), options[0].id);
    await page.keyboard.press('ArrowDown');
    assert.equal(await active(), options[1].id);
    await page.keyboard.press('End');
    assert.equal(await active(), options.at(-1).id);
    await page.keyboard.press('Home');
    assert.equal(await active(), options[0].id);
    assert.equal(await page.$eval(`#${options[0].id}`, (o) => o.getAttribute('aria-selected')), 'true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    s = await fieldState(page, '#dx-c-input');
    assert.equal(s.value, options[0].code);
    assert.equal(s.value, 'S72.001A');
    assert.equal(s.state, 'billable');
    assert.equal(s.expanded, 'false');
    // Escape closes without changing the value.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('K35.2');
    assert.equal((await fieldState(page, '#dx-c-input')).expanded, 'true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    s = await fieldState(page, '#dx-c-input');
    assert.equal(s.expanded, 'false');
    assert.equal(s.value, 'K35.2');
    assert.equal(await active(), null);
  });

  it('takes part in native form validation (form-associated element)', async () => {
    await fresh();
    const validity = () => page.evaluate(() => ({ el: document.querySelector('#dx-a').validity.valid, form: document.querySelector('#claim').checkValidity() }));
    await typeInto(page, '#dx-a-input', 'K35.2');
    let v = await validity();
    assert.equal(v.el, false, 'a header code is not valid for submission');
    assert.equal(v.form, false);
    assert.match(await page.$eval('#dx-a', (el) => el.validationMessage), /K35\.2/);
    await page.fill('#dx-a-input', 'J15.9');
    // A claim needs a service line (CLAIM-LIMITS); fill one completely.
    await fillLine(page);
    v = await validity();
    assert.equal(v.el, true);
    assert.equal(v.form, true);
    // The element's value is what the form submits.
    const submitted = await page.evaluate(() => new FormData(document.querySelector('#claim')).get('dx-a'));
    assert.equal(submitted, 'J15.9');
    assert.equal((await fieldState(page, '#dx-a-input')).state, 'billable');
    assert.match((await fieldState(page, '#dx-a-input')).status, /Unspecified bacterial pneumonia/);
  });

  it('exam mode gives the verdict without hints or answers', async () => {
    await context?.close();
    context = await env.browser.newContext({ viewport: { width: 1440, height: 1000 } });
    page = await openPage(context, `${env.server.url}www/index.html?mode=exam`);
    await setDate(page, '#l1-date', DOS);
    await typeInto(page, '#dx-a-input', 'T36.01A');
    await typeInto(page, '#dx-b-input', 'K35.2');
    await page.keyboard.press('Tab');
    await page.waitForTimeout(700);
    assert.equal((await fieldState(page, '#dx-a-input')).state, 'invalid_format');
    assert.equal((await fieldState(page, '#dx-b-input')).expanded, null, 'no completion list');
    assert.equal(await page.locator('.cl-fix').count(), 0);
    const text = await page.evaluate(() => document.body.innerText + document.querySelector('#dx-a').validationMessage);
    assert.doesNotMatch(text, /T36\.0X1A|K35\.20/, 'the answer is not shown anywhere');
  });

  it('never executes markup typed into fields', async () => {
    await fresh();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      d.dismiss();
    });
    const payloads = ['"><img src=x onerror="window.__xss=1">', '<script>window.__xss=2</script>', "'><svg onload=alert(3)>"];
    const targets = ['#dx-a-input', '#dx-b-input', '#l1-code', '#l1-ptr', '#l1-pos', '#l1-mod1', '#l1-units'];
    for (const [i, sel] of targets.entries()) await typeInto(page, sel, payloads[i % payloads.length]);
    await page.keyboard.press('Tab');
    await page.waitForTimeout(700);
    const result = await page.evaluate(() => ({
      xss: window.__xss,
      imgs: document.querySelectorAll('img').length,
      svgs: document.querySelectorAll('svg').length,
      scripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
      summary: document.querySelector('.cl-summary').textContent,
    }));
    assert.equal(result.xss, undefined);
    assert.equal(result.imgs, 0);
    assert.equal(result.svgs, 0);
    assert.equal(result.scripts, 0);
    assert.equal(dialogs, 0);
    assert.match(result.summary, /problem/, 'the payloads were still checked and reported as text');
    assert.deepEqual(page.errors, []);
  });
});
