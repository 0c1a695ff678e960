// Journey 2, embedding: a site adds the widget to its own form. The demo's embed page at
// its clean URL; a host page on another origin loading the module and the data from the
// claimlint server (CORS); a host whose CSP forbids wasm; a submit while the data loads.
import { describe, it, before, after } from 'node:test';
import http from 'node:http';
import assert from 'node:assert/strict';
import { openPage, stateText, leave, screenshot, todayIso, VIEWPORTS, withServerAndBrowser } from './helpers.mjs';
import { MESSAGES } from '../../www/claimlint/messages.js';

// The host site: a second server on another port (another origin), serving one form page
// whose CSP the test chooses. Both are on 127.0.0.1, as a browser's private-network rules
// require for a page that is not itself public.
let HOST = '';
let hostFiles = {};
let hostServer;

/** A host site's page on another origin, importing claimlint from `origin`. */
function hostPage({ origin, csp, options = '{}' }) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>Host clinic form</title><link rel="stylesheet" href="${origin}claimlint.css">
<script type="module" src="${HOST}/host.js"></script></head>
<body><main><h1>New visit</h1><form id="visit" action="${HOST}/saved" method="get" data-claimlint-claim>
<label for="dos">Date of visit</label> <input id="dos" name="dos" type="date" data-claimlint="date" data-claimlint-default="today">
<label for="dx">Diagnosis</label> <input id="dx" name="dx" data-claimlint="icd10cm">
<button type="submit">Save</button></form></main></body></html>`;
  const js = `import { attach } from '${origin}claimlint.js';
window.claimlint = attach(document, Object.assign(${options}, { dateOfService: '#dos' }));`;
  return { html, js };
}

async function routeHost(_context, page) {
  hostFiles = page;
}

function startHost() {
  return new Promise((resolve) => {
    hostServer = http.createServer((req, res) => {
      const { pathname } = new URL(req.url, 'http://x');
      if (pathname === '/host.js') return res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(hostFiles.js);
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(hostFiles.html);
    });
    hostServer.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${hostServer.address().port}`));
  });
}

describe('embedding journey', () => {
  const env = withServerAndBrowser();
  before(async () => (HOST = await startHost()));
  after(() => hostServer?.close());

  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    it(`the embed page works at its clean URL with today's date (${size})`, async () => {
      const context = await env.browser.newContext({ viewport });
      const page = await openPage(context, `${env.server.url}embed.html`);
      assert.equal(await page.title(), 'Visit summary — Riverside Family Clinic');
      // The date of service starts at today's date, visibly, never a substitute.
      assert.equal(await page.inputValue('#visit-date'), todayIso());
      await page.focus('#dx1');
      await page.keyboard.type('t36.01');
      assert.equal(await stateText(page, '#dx1'), 'Keep typing');
      await leave(page);
      assert.equal(await page.getAttribute('#dx1', 'aria-invalid'), 'true');
      await screenshot(page, `embed-${size}`);
      assert.deepEqual(page.errors, []);
      await context.close();
    });
  }

  it('a page on another origin loads the module and the data (CORS headers)', async () => {
    const context = await env.browser.newContext({ viewport: VIEWPORTS.desktop });
    const origin = env.server.url; // http://127.0.0.1:PORT/ — another origin than host.test
    const csp = `default-src 'self'; script-src 'self' ${origin} 'wasm-unsafe-eval'; connect-src ${origin}; style-src 'self' ${origin}; object-src 'none'`;
    await routeHost(context, hostPage({ origin, csp, options: "{ normalize: false, staleEdits: 'skip' }" }));
    const page = await openPage(context, `${HOST}/form.html`);
    // The host's staleEdits choice reaches the engine's claim check.
    await page.evaluate(async () => {
      const engine = await window.claimlint.ready;
      const real = engine.validator.checkClaim.bind(engine.validator);
      window.__claimOptions = [];
      engine.validator.checkClaim = (claim, options) => {
        window.__claimOptions.push(options);
        return real(claim, options);
      };
    });
    assert.equal(await page.inputValue('#dos'), todayIso());
    await page.fill('#dos', '2026-03-15');
    await page.dispatchEvent('#dos', 'change');
    await page.focus('#dx');
    await page.keyboard.type('j159');
    await leave(page);
    assert.equal(await stateText(page, '#dx'), 'Billable');
    // The host turned normalisation off: the value stays as typed.
    assert.equal(await page.inputValue('#dx'), 'j159');
    const options = await page.evaluate(() => window.__claimOptions);
    assert.ok(options.length > 0, 'the claim was checked');
    assert.deepEqual(options.at(-1), { staleEdits: 'skip' });
    assert.deepEqual(page.errors, []);
    await context.close();
  });

  it("says precisely that the host's CSP blocks wasm, without a useless retry", async () => {
    const context = await env.browser.newContext({ viewport: VIEWPORTS.desktop });
    const origin = env.server.url;
    const csp = `default-src 'self'; script-src 'self' ${origin}; connect-src ${origin}; style-src 'self' ${origin}; object-src 'none'`;
    await routeHost(context, hostPage({ origin, csp }));
    const page = await context.newPage();
    await page.goto(`${HOST}/form.html`);
    await page.waitForSelector('html[data-claimlint-ready="error"]', { timeout: 20_000 });
    assert.equal(await page.getAttribute('[data-claimlint-notice]', 'data-error-code'), 'CSP');
    assert.equal(await page.textContent('.cl-notice__text'), MESSAGES.errors.CSP);
    assert.equal(await page.isVisible('[data-claimlint-notice] .cl-button'), false, 'no Try again: a retry cannot help');
    await page.focus('#dx');
    await page.keyboard.type('J15.9');
    assert.equal(await stateText(page, '#dx'), 'Not checked', 'fields do not say "Loading…" forever');
    await context.close();
  });

  it('holds a submit until the code sets have loaded, then sends it', async () => {
    const context = await env.browser.newContext({ viewport: VIEWPORTS.desktop });
    let release;
    const gate = new Promise((r) => (release = r));
    // The core, under its own name and its stable one (core.blob, which the engine asks for first).
    await context.route(/\/pkg\/parts\/core(-\w+)?\.blob$/, async (route) => {
      await gate;
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto(`${env.server.url}embed.html`);
    await page.fill('#patient', 'A. Patient');
    await page.fill('#visit-date', '2026-03-15');
    await page.focus('#dx1');
    await page.keyboard.type('J15.9');
    assert.equal(await stateText(page, '#dx1'), 'Loading code sets…');
    await page.keyboard.press('Enter'); // submits the form
    assert.equal(await page.textContent('.cl-notice__text'), MESSAGES.submitWaiting);
    assert.equal(new URL(page.url()).search, '', 'not sent before the codes are checked');
    release();
    await page.waitForURL(/dx1=J15\.9/, { timeout: 20_000 });
    await context.close();
  });
});
