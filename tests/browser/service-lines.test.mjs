// The charge-entry page's HTML holds service line 1; lines 2 to 6 are copies of it made by the
// boot script (www/service-lines.js). Each copy is numbered throughout (ids, names, labels,
// accessible names, the legend, the charge's claim path), only line 1 starts at today's date, and
// a cached visit, hidden until its engine is in, is shown with all six lines.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { withServerAndBrowser, openPage, storedVisit, ROOT } from './helpers.mjs';

/** Each service line as the page has it: legend, fields and labels, in order. */
const readLines = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-claimlint-line]')].map((line) => ({
      legend: line.querySelector('legend').textContent,
      fields: [...line.querySelectorAll('input, select')].map((el) => ({
        id: el.id,
        name: el.name,
        label: el.dataset.claimlintLabel,
        path: el.dataset.claimlintPath || null,
        byDefault: el.dataset.claimlintDefault || null,
      })),
      labelsFound: [...line.querySelectorAll('label[for]')].every((l) => line.contains(document.getElementById(l.htmlFor))),
      groups: [...line.querySelectorAll('[role="group"]')].map((el) => el.getAttribute('aria-label')),
      hiddenWords: [...line.querySelectorAll('label.vh')].map((l) => l.textContent),
    })),
  );

describe('service lines', () => {
  const env = withServerAndBrowser();

  it('the HTML holds line 1 and the count; the page has six lines numbered throughout', async () => {
    const html = readFileSync(path.join(ROOT, 'www', 'index.html'), 'utf8');
    assert.equal([...html.matchAll(/data-claimlint-line>/g)].length, 1);
    assert.match(html, /<div class="lines" data-claimlint-lines="6">/);
    const context = await env.browser.newContext();
    const page = await openPage(context, `${env.server.url}www/index.html`);
    const lines = await readLines(page);
    assert.equal(lines.length, 6);
    const suffixes = lines[0].fields.map((f) => f.id.replace(/^l1-/, ''));
    assert.deepEqual(suffixes, ['date', 'pos', 'code', 'mod1', 'mod2', 'mod3', 'mod4', 'ptr', 'charge', 'units']);
    lines.forEach((line, i) => {
      const n = i + 1;
      assert.match(line.legend, new RegExp(`^Service line ${n}$`));
      assert.deepEqual(line.fields.map((f) => f.id), suffixes.map((s) => `l${n}-${s}`));
      assert.deepEqual(line.fields.map((f) => f.name), suffixes.map((s) => `l${n}-${s}`));
      for (const f of line.fields) assert.match(f.label, new RegExp(`^Line ${n} `), f.id);
      assert.equal(line.fields.find((f) => f.id === `l${n}-charge`).path, `/lines/${n - 1}/charge`);
      assert.deepEqual(line.fields.filter((f) => f.byDefault).map((f) => f.id), n === 1 ? ['l1-date'] : []);
      assert.ok(line.labelsFound, `line ${n}: every label names a field of its own line`);
      assert.deepEqual(line.groups, [`Line ${n} modifiers`]);
      assert.deepEqual(line.hiddenWords, [1, 2, 3, 4].map((k) => `Line ${n} modifier ${k}`));
    });
    assert.deepEqual(page.errors, []);
    await context.close();
  });

  it('a cached visit is shown with all six lines', async () => {
    const context = await env.browser.newContext();
    const page = await openPage(context, `${env.server.url}www/index.html`);
    await storedVisit(page);
    // When the page stops hiding its root, it has every line.
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.documentElement.style.display !== 'none' && window.hidden === true) {
          window.linesWhenShown = document.querySelectorAll('[data-claimlint-line]').length;
          observer.disconnect();
        }
        if (document.documentElement.style.display === 'none') window.hidden = true;
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['style'] });
    });
    await page.reload();
    await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 20_000 });
    assert.equal(await page.evaluate(() => window.hidden), true, 'the cached visit hid its root');
    assert.equal(await page.evaluate(() => window.linesWhenShown), 6);
    await context.close();
  });
});
