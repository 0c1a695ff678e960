// axe-core audit of every demo page in every state a person reaches: empty, typing
// (pending), errors after the pause, a completion list open, a word search with and without
// matches, the data panel's notices, the claim summary with fixes, a load failure, at desktop
// and tablet sizes. Zero violations of any impact. bypassCSP is set on these contexts only,
// because axe is injected as a script the pages' CSP would otherwise refuse.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { openPage, setDate, DOS, VIEWPORTS, withServerAndBrowser } from './helpers.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

async function audit(page, state) {
  await page.addScriptTag({ path: AXE });
  const { violations, passes } = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }),
  );
  assert.ok(passes.length > 15, `axe really ran (${passes.length} rules passed)`);
  return violations.map((v) => `${state}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

async function type(page, sel, text) {
  await page.focus(sel);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

describe('claimlint accessibility', () => {
  const env = withServerAndBrowser();

  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    it(`charge entry, every state (${size})`, async () => {
      const context = await env.browser.newContext({ bypassCSP: true, viewport });
      const found = [];
      let page = await openPage(context, env.server.url);
      found.push(...(await audit(page, 'empty')));
      await page.close();

      page = await openPage(context, env.server.url);
      await setDate(page, '#l1-date', DOS);
      await type(page, '#dx-a-input', 'T36.01'); // pending, not yet an error
      found.push(...(await audit(page, 'typing')));
      await page.close();

      page = await openPage(context, env.server.url);
      await setDate(page, '#l1-date', DOS);
      await page.click('#example');
      await type(page, '#dx-e-input', 'T36.01');
      await page.keyboard.press('Tab');
      await type(page, '#l1-units', 'x');
      await page.keyboard.press('Tab');
      await type(page, '#dx-f-input', 'DM2 w CKD'); // search with matches, list open
      await page.waitForTimeout(700);
      found.push(...(await audit(page, 'errors, fixes and an open list')));
      await type(page, '#dx-f-input', 'qqzx zzqq');
      await page.keyboard.press('Tab');
      await page.waitForTimeout(700);
      found.push(...(await audit(page, 'search without matches')));
      await page.close();

      // Data notices: a date of service past the loaded edit tables.
      page = await openPage(context, env.server.url);
      await setDate(page, '#l1-date', '2026-08-01');
      found.push(...(await audit(page, 'data notices')));
      await page.close();

      page = await openPage(context, `${env.server.url}?mode=exam`);
      await setDate(page, '#l1-date', DOS);
      await type(page, '#dx-a-input', 'K35.2');
      await page.keyboard.press('Tab');
      found.push(...(await audit(page, 'exam mode')));
      await page.close();
      assert.deepEqual(found, []);
      await context.close();
    });
  }

  it('embed page, bench page and a failed load', async () => {
    const context = await env.browser.newContext({ bypassCSP: true, viewport: VIEWPORTS.desktop });
    const found = [];
    let page = await openPage(context, `${env.server.url}embed.html`);
    await setDate(page, '#visit-date', DOS);
    await type(page, '#dx1', 'T36.01A');
    await type(page, '#dx2', 'S72.001');
    await page.waitForTimeout(700);
    found.push(...(await audit(page, 'embed')));
    await page.close();

    page = await context.newPage();
    await page.goto(`${env.server.url}bench.html?smoke`);
    // A ceiling for a busy CI machine (about 10 s on a quiet one), not a speed check.
    await page.waitForFunction(() => window.benchResults, null, { timeout: 300_000 });
    found.push(...(await audit(page, 'bench')));
    await page.close();

    await context.close();

    // The code sets cannot be downloaded (a first visit: nothing stored yet): the notice
    // with its retry button.
    const failing = await env.browser.newContext({ bypassCSP: true, viewport: VIEWPORTS.desktop });
    await failing.route('**/pkg/parts/**', (route) => route.fulfill({ status: 503, body: 'down' }));
    page = await failing.newPage();
    await page.goto(`${env.server.url}embed.html`);
    await page.waitForSelector('html[data-claimlint-ready="error"]', { timeout: 20_000 });
    await type(page, '#dx1', 'J15.9');
    found.push(...(await audit(page, 'failed load')));
    await page.close();
    assert.deepEqual(found, []);
    await failing.close();
  });
});
