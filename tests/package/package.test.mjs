// The packed npm packages as a site gets them: scripts/package-test.sh installs the tarballs
// into a copy of examples/npm and points CLAIMLINT_EXAMPLE_DIR at it. Checks the package
// exports in Node, then the example pages (widget with module-relative data; engine API
// with data from the separately versioned claimlint-data package) in headless Chromium.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, launch, openPage, typeInto, fieldState } from '../browser/helpers.mjs';

const DIR = process.env.CLAIMLINT_EXAMPLE_DIR;
if (!DIR) throw new Error('CLAIMLINT_EXAMPLE_DIR is not set: run bash scripts/package-test.sh');
const require = createRequire(path.join(path.resolve(DIR), 'package.json'));

describe('the claimlint npm package', () => {
  it('resolves its exports in Node and checks a code', async () => {
    const { default: init, Validator } = await import(pathToFileURL(require.resolve('claimlint')).href);
    await init({ module_or_path: readFileSync(require.resolve('claimlint/claimlint_bg.wasm')) });
    const data = JSON.parse(readFileSync(require.resolve('claimlint-data/data.json'), 'utf8'));
    const dataPkg = JSON.parse(readFileSync(require.resolve('claimlint-data/package.json'), 'utf8'));
    const codePkg = JSON.parse(readFileSync(require.resolve('claimlint/package.json'), 'utf8'));
    assert.equal(dataPkg.version, data.dataVersion, 'the data package is versioned by its data');
    assert.notEqual(dataPkg.version, codePkg.version);
    const v = new Validator(readFileSync(require.resolve('claimlint-data/codesets.blob')));
    assert.deepEqual(v.info().systems, data.systems);
    const c = v.checkCode('icd10cm', 'T36.01A', { on: '2026-03-15' });
    assert.equal(c.state, 'invalid_format');
    assert.equal(c.findings[0].suggestions[0].code, 'T36.0X1A');
    for (const sub of ['claimlint/widget', 'claimlint/element', 'claimlint/style.css', 'claimlint/codesets.blob', 'claimlint/facility', 'claimlint/claimlint-facility_bg.wasm', 'claimlint/exercise', 'claimlint/claimlint-exercise_bg.wasm']) {
      assert.ok(require.resolve(sub), sub);
    }
  });

  it('ships the facility module: the I/OCE edits the core module leaves out', async () => {
    const blob = readFileSync(require.resolve('claimlint-data/codesets.blob'));
    // An emergency visit with a revenue code the I/OCE does not know (edit 41).
    const claim = JSON.parse(readFileSync(new URL('../fixtures/outpatient-unknown-revenue-code.json', import.meta.url), 'utf8'));
    const rules = async (entry, wasm) => {
      const mod = await import(pathToFileURL(require.resolve(entry)).href);
      await mod.default({ module_or_path: readFileSync(require.resolve(wasm)) });
      return new mod.Validator(blob).checkClaim(claim, { today: '2026-05-02' }).findings.map((f) => f.rule);
    };
    const facility = await rules('claimlint/facility', 'claimlint/claimlint-facility_bg.wasm');
    assert.ok(facility.includes('IOCE-REV-VALID') && !facility.includes('OUTPATIENT-ENGINE'), facility.join(' '));
    const core = await rules('claimlint', 'claimlint/claimlint_bg.wasm');
    assert.ok(core.includes('OUTPATIENT-ENGINE') && !core.some((r) => r.startsWith('IOCE-')), core.join(' '));
  });

  it('ships the exercise module: the grader the core module leaves out', async () => {
    const blob = readFileSync(require.resolve('claimlint-data/codesets.blob'));
    const load = async (entry, wasm) => {
      const mod = await import(pathToFileURL(require.resolve(entry)).href);
      await mod.default({ module_or_path: readFileSync(require.resolve(wasm)) });
      return new mod.Validator(blob);
    };
    const exercise = await load('claimlint/exercise', 'claimlint/claimlint-exercise_bg.wasm');
    const json = (name) => JSON.parse(readFileSync(new URL(`../exercises/${name}`, import.meta.url), 'utf8'));
    const graded = exercise.grade({ ...json('copd-exam.plain.json'), mode: 'practice' }, json('pneumonia-answer.json'));
    assert.ok(graded.maxScore > 0 && graded.score < graded.maxScore, JSON.stringify(graded).slice(0, 300));
    const core = await load('claimlint', 'claimlint/claimlint_bg.wasm');
    assert.equal(typeof core.grade, 'undefined');
    assert.equal(core.checkCode('icd10cm', 'J18.9', { on: '2026-03-15' }).state, exercise.checkCode('icd10cm', 'J18.9', { on: '2026-03-15' }).state);
  });

  describe('in Chromium', () => {
    let server;
    let browser;
    before(async () => {
      server = await startServer(path.resolve(DIR));
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('the widget finds its wasm and data relative to its modules', async () => {
      const context = await browser.newContext();
      const missing = [];
      context.on('response', (r) => r.status() >= 400 && missing.push(r.url()));
      const page = await openPage(context, `${server.url}index.html`);
      await typeInto(page, '#dx1', 'J15.9');
      assert.equal((await fieldState(page, '#dx1')).state, 'billable');
      await typeInto(page, '#proc', '99213');
      assert.equal((await fieldState(page, '#proc')).state, 'billable');
      assert.deepEqual(missing, []);
      assert.deepEqual(page.errors, []);
      await context.close();
    });

    it('the engine API runs on data from claimlint-data', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.url}engine.html`);
      await page.waitForSelector('html[data-example-ready="true"]', { timeout: 20_000 });
      assert.equal(await page.textContent('#code-result'), 'invalid_format; use T36.0X1A');
      assert.match(await page.textContent('#claim-result'), /^\d+ finding\(s\), 0 input error\(s\)$/);
      assert.match(await page.textContent('#data-version'), /^\d{4}\.\d{1,2}\.\d{1,2}$/);
      assert.deepEqual(errors, []);
      await context.close();
    });
  });
});
