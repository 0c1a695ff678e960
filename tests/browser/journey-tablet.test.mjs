// Journey 3, the offline tablet (820×1180): installable, every page at its clean URL works
// offline after one visit, the claim summary stays in view beside the form, status text is at
// least 14 px, and the data panel warns before and after loaded data expires.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, setDate, stateText, leave, screenshot, DOS, VIEWPORTS, withServerAndBrowser } from './helpers.mjs';

const STATUS_TEXT = ['.cl-state', '.cl-desc', '.cl-finding__text', '.cl-hint', '.cl-summary__item', '.cl-summary__intro', '.cl-data-notice', '.cl-notice__text'];

describe('offline tablet journey (820×1180)', () => {
  const env = withServerAndBrowser();

  it('is installable: manifest with icons', async () => {
    const context = await env.browser.newContext({ viewport: VIEWPORTS.tablet });
    const page = await openPage(context, env.server.url);
    const href = await page.$eval('link[rel="manifest"]', (l) => l.href);
    const manifest = await (await fetch(href)).json();
    assert.equal(manifest.display, 'standalone');
    assert.equal(new URL(manifest.start_url, href).href, env.server.url);
    const sizes = manifest.icons.map((i) => i.sizes);
    assert.ok(sizes.includes('192x192') && sizes.includes('512x512'), sizes.join(' '));
    assert.ok(manifest.icons.some((i) => i.purpose === 'maskable'));
    for (const icon of manifest.icons) {
      const res = await fetch(new URL(icon.src, href));
      assert.equal(res.status, 200, icon.src);
      assert.equal(res.headers.get('content-type').split(';')[0], icon.type);
    }
    await context.close();
  });

  it('keeps the summary in view and status text at 14 px or more', async () => {
    const context = await env.browser.newContext({ viewport: VIEWPORTS.tablet });
    const page = await openPage(context, env.server.url);
    await setDate(page, '#l1-date', DOS);
    await page.click('#example');
    await page.focus('#dx-d-input');
    await page.keyboard.type('T36.01');
    await leave(page);
    // Work on the last service line: the summary is still on screen, beside the form.
    await page.focus('#l6-units');
    await page.keyboard.type('0');
    await leave(page);
    const box = await page.$eval('.cl-summary', (el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, vh: innerHeight, vw: innerWidth };
    });
    assert.ok(box.top >= 0 && box.top < box.vh - 100, `summary top in view: ${JSON.stringify(box)}`);
    assert.ok(box.right <= box.vw, `summary not cut off at the right: ${JSON.stringify(box)}`);
    const line6 = await page.$eval('#l6-units', (el) => el.getBoundingClientRect().left);
    assert.ok(box.left > line6, 'the summary sits beside the form, not below it');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true, 'no sideways scrolling');

    const small = await page.$$eval(STATUS_TEXT.join(','), (els) =>
      els.filter((e) => e.offsetParent && parseFloat(getComputedStyle(e).fontSize) < 14).map((e) => `${e.className} ${getComputedStyle(e).fontSize}`),
    );
    assert.deepEqual(small, []);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'tablet');
    assert.deepEqual(page.errors, []);
    await context.close();
  });

  it('warns when loaded data has ended or ends within 30 days', async () => {
    const context = await env.browser.newContext({ viewport: VIEWPORTS.tablet });
    // Ten days before the end of the loaded MUE quarter (2026-06-30).
    await context.clock.setFixedTime(new Date('2026-06-20T12:00:00'));
    let page = await openPage(context, env.server.url);
    const notices = () => page.$$eval('.cl-data-notice', (n) => n.map((x) => ({ kind: x.dataset.kind, text: x.textContent })));
    let list = await notices();
    const ending = list.find((n) => n.kind === 'ending');
    assert.ok(ending, JSON.stringify(list));
    assert.match(ending.text, /^Data ending within 30 days: .*MUE.*\(2026-06-30\)/);
    assert.equal(list.some((n) => n.kind === 'ended' && /MUE/.test(n.text)), false);
    await page.close();

    // A day after it ended, for a service in its window.
    await context.clock.setFixedTime(new Date('2026-07-01T12:00:00'));
    page = await openPage(context, env.server.url);
    await setDate(page, '#l1-date', '2026-06-15');
    list = await notices();
    assert.match(list.find((n) => n.kind === 'ended')?.text || '', /^Data past its window: .*MUE.*\(2026-06-30\).*Load newer data/);
    // A date of service past a table is said too, and the table is named once.
    await setDate(page, '#l1-date', '2026-07-01');
    list = await notices();
    assert.match(list.find((n) => n.kind === 'past-service')?.text || '', /^The date of service 2026-07-01 is after the end of .*MUE/);
    assert.doesNotMatch(list.find((n) => n.kind === 'ended')?.text || '', /MUE/);
    await context.close();
  });

  it("lists every table's window and current-through date from info().tables", async () => {
    const context = await env.browser.newContext({ viewport: VIEWPORTS.tablet });
    await context.clock.setFixedTime(new Date('2026-12-01T12:00:00'));
    const page = await openPage(context, env.server.url);
    // The contract of info().tables (shared with the engine); set here so the panel is
    // checked against it whatever this blob carries.
    await page.evaluate(async () => {
      const { readyEngine } = await import(document.querySelector('script[type="module"]').src);
      readyEngine().info.tables = [
        { id: 'icd10cm', label: 'FY2026, FY2027', kind: 'code-set', validFrom: '2025-10-01', validTo: '2027-09-30', currentThrough: '2027-09-30', source: 'CMS' },
        { id: 'mue-practitioner', label: 'practitioner effective 2026-04-01', kind: 'edit-table', validFrom: '2026-04-01', validTo: '2026-06-30', currentThrough: '2026-06-30', source: 'CMS' },
        { id: 'hcpcs', label: '2026 January', kind: 'code-set', validFrom: '2026-01-01', validTo: '2026-12-31', currentThrough: '2026-09-30', source: 'CMS' },
      ];
    });
    await setDate(page, '#l1-date', '2026-12-01');
    const rows = await page.$$eval('.cl-table', (li) => li.map((l) => l.textContent));
    assert.deepEqual(rows, [
      'ICD-10-CM FY2026, FY2027: 2025-10-01 to 2027-09-30current through 2027-09-30',
      'MUE practitioner effective 2026-04-01: 2026-04-01 to 2026-06-30current through 2026-06-30',
      'HCPCS 2026 January: 2026-01-01 to 2026-12-31current through 2026-09-30',
    ]);
    const notices = await page.$$eval('.cl-data-notice', (n) => n.map((x) => `${x.dataset.kind}: ${x.textContent}`));
    assert.deepEqual(notices, [
      'past-service: The date of service 2026-12-01 is after the end of MUE practitioner effective 2026-04-01 (2026-06-30). Edits are applied from their newest release and marked as stale.',
      'ending: Data ending within 30 days: HCPCS 2026 January (2026-12-31). Newer data will be needed after that.',
    ]);
    // For a service inside its window, the same table is one that has ended.
    await setDate(page, '#l1-date', '2026-05-01');
    assert.deepEqual(await page.$$eval('.cl-data-notice', (n) => n.map((x) => x.dataset.kind)), ['ended', 'ending']);
    await context.close();
  });

  it('opens / and every page offline after one visit', async () => {
    const context = await env.browser.newContext({ viewport: VIEWPORTS.tablet });
    const page = await openPage(context, env.server.url);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10_000 });
    assert.equal(await page.evaluate(() => navigator.serviceWorker.controller.scriptURL), `${env.server.url}sw.js`);
    // The worker stores its shell and the data generation while installing.
    await page.waitForFunction(async () => (await caches.keys()).some((k) => k.startsWith('claimlint-data-')), null, { timeout: 20_000 });

    await env.server.stop();
    await context.setOffline(true);
    const url = env.server.url;
    env.server = null;

    await page.goto(url);
    await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 20_000 });
    await setDate(page, '#l1-date', DOS);
    await page.focus('#dx-a-input');
    await page.keyboard.type('W21.89XA');
    assert.equal(await stateText(page, '#dx-a-input'), 'Billable');
    for (const [p, title] of [['embed.html', 'Visit summary'], ['exercise.html', ''], ['bench.html', 'claimlint — browser benchmark'], ['index.html', 'Charge entry']]) {
      const res = await page.goto(url + p);
      assert.equal(res.status(), 200, `${p} offline`);
      assert.ok((await page.title()).includes(title), `${p}: ${await page.title()}`);
    }
    await context.close();
  });
});
