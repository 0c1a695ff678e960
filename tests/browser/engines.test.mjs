// The three wasm modules: the demo page loads the core module (no outpatient editor, no grader)
// and never the I/OCE part; the exercise page loads the exercise module (the grader); the
// facility page loads the facility module and the `outpatient` part (the
// part that `needs` it in parts.json). The same outpatient claim gets the I/OCE edits on the
// facility page and one OUTPATIENT-ENGINE finding on the demo page.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { withServerAndBrowser, engineCall, partsIndex as index } from './helpers.mjs';

// An emergency visit on a hospital outpatient claim (13x) with a revenue code the I/OCE does not
// know: the I/OCE edit 41 (IOCE-REV-VALID) fires in the facility module only.
const OUTPATIENT = JSON.parse(readFileSync(new URL('../fixtures/outpatient-unknown-revenue-code.json', import.meta.url), 'utf8'));

async function visit(env, page) {
  const context = await env.browser.newContext();
  const requested = [];
  context.on('request', (r) => requested.push(new URL(r.url()).pathname));
  const tab = await context.newPage();
  await tab.goto(`${env.server.url}www/${page}`);
  await tab.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 45_000 });
  return { context, page: tab, requested };
}

describe('the core, exercise and facility wasm modules', () => {
  const env = withServerAndBrowser();
  const outpatient = () => index().parts.find((p) => p.name === 'outpatient');

  it('marks the I/OCE part as needing the outpatient editor', () => {
    const part = outpatient();
    assert.equal(part?.needs, 'outpatient');
    assert.deepEqual(part.sections.map((s) => s.name), ['ioce']);
    assert.deepEqual(index().parts.filter((p) => p.needs).map((p) => p.name), ['outpatient']);
  });

  it('the demo page loads the core module and leaves the I/OCE part out, and says so on an outpatient claim', async () => {
    const { context, page, requested } = await visit(env, 'index.html');
    assert.ok(requested.includes('/pkg/claimlint_bg.wasm'), requested.join(' '));
    assert.ok(!requested.some((p) => /claimlint-facility|\/parts\/outpatient-/.test(p)), requested.join(' '));
    assert.equal(await engineCall(page, (engine) => engine.stats.engine), 'core');
    assert.equal(await engineCall(page, (engine) => engine.complete), true);
    const result = await engineCall(page, (engine, claim) => engine.checkClaim(claim, { today: '2026-05-02' }), OUTPATIENT);
    const rules = result.findings.map((f) => f.rule);
    assert.ok(rules.includes('OUTPATIENT-ENGINE'), rules.join(' '));
    assert.ok(!rules.some((r) => r.startsWith('IOCE-')), rules.join(' '));
    const note = result.findings.find((f) => f.rule === 'OUTPATIENT-ENGINE');
    assert.match(note.message, /outpatient editor .* not in this build/);
    assert.match(note.message, /engine: 'facility'/);
    await context.close();
  });

  it('the exercise page loads the exercise module, whose grader the core module leaves out', async () => {
    const { context, page, requested } = await visit(env, 'exercise.html');
    assert.ok(requested.includes('/pkg/claimlint-exercise_bg.wasm'), requested.join(' '));
    assert.ok(!requested.some((p) => /\/pkg\/claimlint(-facility)?_bg\.wasm|\/parts\/outpatient-/.test(p)), requested.join(' '));
    // The page's script is not a bundle: its widget's engine module is the shared one.
    const exercise = await page.evaluate(async () => {
      const { readyEngine } = await import(new URL('claimlint/engine.js', location.href).href);
      return { engine: readyEngine().stats.engine, grade: typeof readyEngine().validator.grade };
    });
    assert.deepEqual(exercise, { engine: 'exercise', grade: 'function' });
    await context.close();
    const demo = await visit(env, 'index.html');
    assert.equal(await engineCall(demo.page, (engine) => typeof engine.validator.grade), 'undefined');
    await demo.context.close();
  });

  it('the facility page loads the facility module and the I/OCE part, and runs the I/OCE edits', async () => {
    const { context, page, requested } = await visit(env, 'facility.html');
    assert.ok(requested.includes('/pkg/claimlint-facility_bg.wasm'), requested.join(' '));
    assert.ok(!requested.includes('/pkg/claimlint_bg.wasm'), 'the core module is not loaded');
    assert.ok(requested.includes(`/pkg/parts/${outpatient().file}`), requested.join(' '));
    assert.equal(await engineCall(page, (engine) => engine.stats.engine), 'facility');
    assert.deepEqual(await engineCall(page, (engine) => engine.parts), index().parts.map((p) => p.name));
    const result = await engineCall(page, (engine, claim) => engine.checkClaim(claim, { today: '2026-05-02' }), OUTPATIENT);
    const rules = result.findings.map((f) => f.rule);
    assert.ok(rules.includes('IOCE-REV-VALID'), rules.join(' '));
    assert.ok(!rules.includes('OUTPATIENT-ENGINE'), rules.join(' '));
    assert.deepEqual(page.errors ?? [], []);
    await context.close();
  });
});
