// Checks on the files themselves (no browser): the CSP on every page, no inline
// script or style, no innerHTML, the service worker's file list, and the
// server's headers and path handling.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { REPO, startServer } from './helpers.mjs';
import { CSP } from '../../scripts/serve.mjs';

const WWW = path.join(REPO, 'www');
const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]));
const files = walk(WWW);
const rel = (f) => path.relative(WWW, f).split(path.sep).join('/');

describe('static checks', () => {
  it('every page declares the CSP and has no inline script or style', () => {
    const pages = files.filter((f) => f.endsWith('.html'));
    assert.ok(pages.length >= 2);
    for (const f of pages) {
      const html = readFileSync(f, 'utf8');
      assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`), `${rel(f)} has the CSP meta`);
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        assert.match(m[1], /\bsrc=/, `${rel(f)}: script without src`);
        assert.equal(m[2].trim(), '', `${rel(f)}: inline script body`);
      }
      assert.doesNotMatch(html, /<style\b/, `${rel(f)}: <style> element`);
      assert.doesNotMatch(html, /\sstyle=/, `${rel(f)}: style attribute`);
      assert.doesNotMatch(html, /\son[a-z]+=/, `${rel(f)}: inline event handler`);
    }
  });

  it('scripts never use innerHTML-like sinks', () => {
    for (const f of files.filter((x) => x.endsWith('.js'))) {
      const js = readFileSync(f, 'utf8');
      assert.doesNotMatch(js, /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(/, rel(f));
    }
  });

  it('the service worker precaches every page, stylesheet and module', () => {
    const sw = readFileSync(path.join(WWW, 'sw.js'), 'utf8');
    const listed = new Set([...sw.matchAll(/'\.\/([^']+)'/g)].map((m) => m[1]));
    const needed = files.map(rel).filter((f) => /\.(html|css|js|svg)$/.test(f) && f !== 'sw.js');
    const missing = needed.filter((f) => !listed.has(f));
    assert.deepEqual(missing, [], 'add these to SHELL in www/sw.js');
  });

  it('no machine paths in shipped files', () => {
    for (const f of files) {
      assert.doesNotMatch(readFileSync(f, 'utf8'), /\/(work|tmp|root)\//, rel(f));
    }
  });
});

describe('scripts/serve.mjs', () => {
  let server;
  before(async () => (server = await startServer()));
  after(async () => server?.stop());

  it('serves with the right types and the CSP header', async () => {
    const types = { 'www/index.html': 'text/html', 'www/claimlint.js': 'text/javascript', 'www/claimlint.css': 'text/css', 'scripts/serve.mjs': 'text/javascript' };
    if (existsSync(path.join(REPO, 'pkg', 'codesets.blob'))) {
      Object.assign(types, { 'pkg/claimlint_bg.wasm': 'application/wasm', 'pkg/codesets.blob': 'application/octet-stream' });
    }
    for (const [p, type] of Object.entries(types)) {
      const res = await fetch(server.url + p);
      assert.equal(res.status, 200, p);
      assert.ok(res.headers.get('content-type').startsWith(type), `${p}: ${res.headers.get('content-type')}`);
      assert.equal(res.headers.get('content-security-policy'), CSP);
    }
  });

  it('serves every demo page at a clean URL, with the cross-origin headers', async () => {
    const pages = { '': 'Charge entry', 'index.html': 'Charge entry', 'embed.html': 'Visit summary', 'exercise.html': '<title>', 'bench.html': 'Browser benchmark', 'manifest.webmanifest': '"icons"' };
    for (const [p, text] of Object.entries(pages)) {
      const res = await fetch(server.url + p, { redirect: 'manual' });
      assert.equal(res.status, 200, `/${p}`);
      assert.ok((await res.text()).includes(text), `/${p} is the page itself, not a redirect`);
      assert.equal(res.headers.get('access-control-allow-origin'), '*', `/${p}`);
      assert.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin', `/${p}`);
    }
    // The old /www/ paths keep working, and a clean page's relative ../pkg/ still resolves.
    assert.equal((await fetch(server.url + 'www/embed.html')).status, 200);
    assert.equal((await fetch(server.url + 'claimlint/engine.js')).status, 200);
    assert.equal((await fetch(server.url + 'no-such-page.html')).status, 404);
  });

  it('refuses paths outside the root', async () => {
    for (const p of ['%2e%2e/%2e%2e/etc/passwd', '..%2f..%2fetc%2fpasswd', 'www/%00']) {
      const res = await fetch(server.url + p);
      assert.ok([400, 404].includes(res.status), `${p}: ${res.status}`);
    }
  });

  it('stops cleanly on SIGTERM', async () => {
    const code = await new Promise((resolve) => {
      server.child.once('exit', (c) => resolve(c));
      server.child.kill('SIGTERM');
    });
    assert.equal(code, 0);
    server = null;
  });
});

describe('claim shape for the engine', () => {
  it('maps the form to the engine model and findings back to fields', async () => {
    const { toEngineClaim } = await import('../../www/claimlint/claim-shape.js');
    const raw = {
      patient: { sex: 'F', dateOfBirth: '' },
      diagnoses: ['J15.9', '', 'K35.201', '', ''],
      lines: [
        { dateFrom: '', code: '', pointers: '', modifiers: ['', '', '', ''], units: '', charge: '' },
        { dateFrom: '2026-03-15', code: '99213', pointers: 'a c', modifiers: ['', 'lt', '', '25'], units: '1', charge: '80.00', pos: '11' },
      ],
    };
    const { claim, locate } = toEngineClaim(raw);
    assert.deepEqual(claim.patient, { sex: 'F' });
    assert.deepEqual(claim.diagnoses, [{ code: 'J15.9' }, { code: '' }, { code: 'K35.201' }]);
    assert.equal(claim.lines.length, 1);
    assert.deepEqual(claim.lines[0], { dateFrom: '2026-03-15', code: '99213', pos: '11', modifiers: ['LT', '25'], pointers: ['A', 'C'], units: 1, charge: 80 });
    assert.equal(locate('/lines/0/pointers/1'), '/lines/1/pointers/1');
    assert.equal(locate('/lines/0/modifiers/1'), '/lines/1/modifiers/3');
    assert.equal(locate('/diagnoses/1'), '/diagnoses/1');
    // A date typed as MM/DD/YYYY reaches the engine as YYYY-MM-DD; a line with only its date
    // (the form fills in today's) is not a service line yet.
    const typed = toEngineClaim({ patient: { dateOfBirth: '04/12/1958' }, diagnoses: ['J15.9'], lines: [{ dateFrom: '09/30/2026', code: '99213' }, { dateFrom: '2026-09-30' }] });
    assert.equal(typed.claim.lines.length, 1);
    assert.equal(typed.claim.lines[0].dateFrom, '2026-09-30');
    assert.equal(typed.claim.patient.dateOfBirth, '1958-04-12');
  });
});
