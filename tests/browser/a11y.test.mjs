// axe-core audit of both demo pages in their busiest states (errors shown,
// completion list open). bypassCSP is set on this context only, because axe
// is injected as a script the pages' CSP would otherwise refuse.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { requirePkg, startServer, launch, openPage, setDate, typeInto, DOS } from './helpers.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

async function audit(page) {
  await page.addScriptTag({ path: AXE });
  const { violations, passes } = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }),
  );
  assert.ok(passes.length > 20, `axe really ran (${passes.length} rules passed)`);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

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
