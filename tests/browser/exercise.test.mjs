// The coding-exercise page: answer, see the score and feedback in practice
// mode; exam mode shows the score only and no hints.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { requirePkg, startServer, launch, openPage, typeInto } from './helpers.mjs';

describe('coding exercises', () => {
  let server, browser, context;

  before(async () => {
    requirePkg();
    server = await startServer();
    browser = await launch();
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  async function open(id) {
    await context?.close();
    context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await openPage(context, `${server.url}www/exercise.html?ex=${id}`);
    await page.waitForFunction(() => !document.querySelector('#ex-title').textContent.startsWith('Loading'));
    return page;
  }

  const score = (page) => page.$eval('.ex-score', (p) => Number(p.dataset.score));

  it('grades a practice answer with partial credit and reasons', async () => {
    const page = await open('pneumonia-cxr');
    assert.match(await page.textContent('#ex-scenario'), /pneumonia/);
    await typeInto(page, '#dx-1', 'J18.1');
    await typeInto(page, '#dx-2', 'E11.9');
    await typeInto(page, '#px-1-code', '71046');
    await page.waitForSelector('.ex-item[data-decision="same_category"]');
    const s = await score(page);
    assert.ok(s > 0 && s < 100, `partial score: ${s}`);
    const texts = await page.$$eval('.ex-item', (items) => items.map((i) => i.textContent));
    assert.ok(texts.some((t) => /Right category/.test(t) && /J18\.9/.test(t)), texts.join('\n'));
    assert.ok(await page.$('.ex-rule'), 'practice mode shows the rule behind a decision');
    // Correcting the principal gives full marks, instantly.
    await page.fill('#dx-1', 'J18.9');
    await page.waitForFunction(() => document.querySelector('.ex-score')?.dataset.score === '100');
    assert.equal(await page.$eval('.ex-seq', (p) => p.dataset.correct), 'true');
    // The widget still helps in practice mode: a header shows completions.
    await typeInto(page, '#dx-3', 'S72.001');
    const options = await page.$$eval('#dx-3 ~ .cl-listbox [role="option"]', (os) => os.length);
    assert.ok(options > 0, 'completions offered in practice mode');
    assert.deepEqual(page.errors, []);
  });

  it('gives 7th-character and placeholder feedback on the injury case', async () => {
    const page = await open('hip-fracture');
    await typeInto(page, '#dx-1', 'S72.001D');
    await typeInto(page, '#dx-2', 'W19A');
    await page.click('#ex-grade');
    await page.waitForSelector('.ex-item[data-decision="wrong_seventh"]');
    await page.waitForSelector('.ex-item[data-decision="missing_placeholder"]');
    const html = await page.content();
    assert.ok(!/<script>|onerror=/.test(await page.$eval('#ex-result', (r) => r.innerHTML)), 'text only');
    assert.ok(html.includes('7th character'));
  });

  it('exam mode shows the score only and no hints', async () => {
    const page = await open('copd-exam');
    assert.equal(await page.getAttribute('html', 'data-ex-mode'), 'exam');
    await typeInto(page, '#dx-1', 'J44');
    // No completions in exam mode.
    const options = await page.$$eval('#dx-1 ~ .cl-listbox [role="option"]', (os) => os.length);
    assert.equal(options, 0);
    await page.fill('#dx-1', 'J44.1');
    await typeInto(page, '#px-1-code', '99214');
    await typeInto(page, '#px-1-mod1', '25');
    await page.click('#ex-grade');
    await page.waitForSelector('.ex-score');
    const s = await score(page);
    assert.ok(s > 0 && s < 100, `exam score: ${s}`);
    assert.equal(await page.$$eval('.ex-item', (i) => i.length), 0, 'no per-code feedback');
    assert.equal(await page.$('.ex-rule'), null);
    assert.equal(await page.$('.ex-seq'), null);
    const text = await page.textContent('#ex-result');
    assert.ok(!/J44|94640|expected/i.test(text), text);
    // The page never had the key in readable form.
    const source = await page.evaluate(() => fetch('exercise/copd-exam.json').then((r) => r.text()));
    assert.ok(!/J44\.?1|94640/.test(source));
    assert.deepEqual(page.errors, []);
  });
});
