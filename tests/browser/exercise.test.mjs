// The coding-exercise journeys as a learner walks them, keyboard only, at desktop
// (1366×900) and tablet (820×1180) sizes: practice grades only when asked and shows the
// key only on request; an exam takes one attempt, shows the score only, and the engine
// refuses further gradings from the console. Screenshots go to tests/browser/out/.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { withServerAndBrowser, openPage, OUT } from './helpers.mjs';
import { axeViolations } from './axe.mjs';

const SIZES = [
  { name: 'desktop', viewport: { width: 1366, height: 900 } },
  { name: 'tablet', viewport: { width: 820, height: 1180 } },
];

/** Presses Tab until `selector` has focus (keyboard only); fails after `max` presses. */
async function tabTo(page, selector, { max = 80, back = false } = {}) {
  for (let i = 0; i < max; i += 1) {
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${selector} not reached with the keyboard`);
}

/** Types into a field reached by Tab, closing any completion list before moving on. */
async function typeField(page, selector, text) {
  await tabTo(page, selector);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
}

/** axe-core violations of any impact in the page's current state. */
const audit = (page) => axeViolations(page);

const texts = (page, sel) => page.$$eval(sel, (els) => els.map((e) => e.textContent.replace(/\s+/g, ' ').trim()));
const text = async (page, sel) => (await page.textContent(sel)).replace(/\s+/g, ' ').trim();

async function shot(page, name) {
  mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, name);
  await page.screenshot({ path: file, animations: 'disabled' });
  assert.ok(statSync(file).size > 20_000, `${name} written`);
}

describe('coding exercises, as a learner', () => {
  const env = withServerAndBrowser();

  async function open(viewport, id) {
    // bypassCSP only so axe-core can be injected for the audits.
    const context = await env.browser.newContext({ viewport, bypassCSP: true });
    const page = await openPage(context, `${env.server.url}www/exercise.html?ex=${id}`);
    await page.waitForSelector('#ex-result #ex-placeholder:not(:empty)');
    await page.waitForFunction(() => !/Loading/.test(document.querySelector('#ex-placeholder')?.textContent || 'Loading'));
    return { context, page };
  }

  it('ships no practice key as readable JSON', async () => {
    const { context, page } = await open(SIZES[0].viewport, 'pneumonia-cxr');
    const files = await page.evaluate(async () => {
      const index = await (await fetch('exercise/exercises.json')).json();
      return Promise.all(index.exercises.map(async (e) => [e.file, await (await fetch(`exercise/${e.file}`)).text()]));
    });
    const keys = { 'pneumonia-cxr.json': /J18\.?9|E11\.?9|71046/, 'hip-fracture.json': /S72\.?001A|W19\.?XXXA|73502/, 'diabetes-htn.json': /E11\.?9|I10\b|99214|83036/ };
    for (const [file, body] of files) {
      assert.ok(JSON.parse(body).sealed && !JSON.parse(body).key, `${file} is sealed`);
      if (keys[file]) assert.doesNotMatch(body, keys[file], file);
    }
    await context.close();
  });

  for (const { name, viewport } of SIZES) {
    it(`practice at ${name} size: check on request, reasons that apply, answers on request`, async () => {
      const { context, page } = await open(viewport, 'hip-fracture');
      assert.equal(await text(page, '#ex-meta'), 'Practice mode: check your answer when you are ready · hierarchical partial credit · date of service 2026-03-15');
      assert.equal(await text(page, '#ex-result'), 'Enter your codes, then press “Check my answer”.');

      await typeField(page, '#dx-1', 'S72.001D');
      await typeField(page, '#dx-2', 'W19A');
      await typeField(page, '#px-1-code', '73502');
      // Nothing is graded, and no key code appears, until the learner asks.
      await page.waitForTimeout(400);
      assert.equal(await page.$('.ex-item'), null, 'no grading while typing');
      assert.equal(await text(page, '#ex-result'), 'Enter your codes, then press “Check my answer”.');

      await tabTo(page, '#ex-grade');
      assert.equal(await text(page, '#ex-grade'), 'Check my answer');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.ex-item');
      // The fields keep what the learner typed (no normalising, no auto-fix).
      assert.equal(await page.inputValue('#dx-2'), 'W19A');
      assert.equal(await text(page, '.ex-score'), '75 / 100');
      assert.equal(await text(page, '.ex-points'), '2.25 of 3 points · hierarchical scoring');
      assert.equal(await text(page, '.ex-seq'), 'Sequencing: The principal diagnosis is listed first.');
      assert.deepEqual(await texts(page, '.ex-item__head'), [
        'Partial credit: Principal diagnosis · you entered S72.001D 0.75 points',
        'Partial credit: Diagnosis · you entered W19A 0.75 points',
        'Not scored: Diagnosis · not entered 0 points',
        'Partial credit: Procedure · you entered 73502 0.75 points',
      ]);
      assert.deepEqual(await texts(page, '.ex-reason'), [
        'Right code, wrong 7th character.',
        'Right code, but the placeholder X\'s are missing or misplaced.',
        'Optional code left out: it does not affect the score.',
        'Right procedure code, wrong modifiers (partial credit).',
      ]);
      const rules = await texts(page, '.ex-rule');
      assert.equal(rules.length, 2, rules.join('\n'));
      assert.match(rules[0], /^ICD-10-CM guideline I\.A\.5: .* A is the initial encounter, D subsequent, S sequela\.$/);
      assert.match(rules[1], /^W19A is missing the placeholder X.*ICD-10-CM guideline I\.A\.4/);
      const result = await text(page, '#ex-result');
      assert.doesNotMatch(result, /S72\.001A|73502-RT|Y92\.010|AAPC|I\.B\.2|W19\.A\b/, result);
      assert.equal(await page.$('.ex-explanation'), null, 'no explanations before asking');
      assert.deepEqual(await audit(page), []);
      await shot(page, `exercise-practice-checked-${name}.png`);
      // The README's picture: the case, the codes and the feedback (docs/screenshots/exercise.png).
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, `exercise-feedback-${name}.png`);

      // Changing a code does not regrade; the page says the check is out of date.
      await typeField(page, '#dx-1', 'S72.001A');
      assert.equal(await text(page, '#ex-stale'), 'Your codes changed since this check. Press “Check my answer” to grade them again.');
      assert.equal(await text(page, '.ex-score'), '75 / 100');
      await tabTo(page, '#ex-grade');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('.ex-score')?.dataset.score === '83.3');
      assert.equal(await page.isVisible('#ex-stale'), false);
      const heads = await texts(page, '.ex-item__head');
      assert.equal(heads[0], 'Correct: Principal diagnosis · you entered S72.001A 1 point');
      // A right code shows its explanation; the others wait.
      assert.deepEqual(await texts(page, '.ex-explanation'), [
        'Fracture of unspecified part of neck of right femur; the 7th character A marks the initial encounter for a closed fracture.',
      ]);

      // The learner asks for the answers.
      await tabTo(page, '#ex-reveal');
      assert.equal(await text(page, '#ex-reveal'), 'Show the answers');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.documentElement.dataset.exGraded === 'revealed');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'result-title');
      assert.deepEqual(await texts(page, '.ex-item__head'), [
        'Correct: Principal diagnosis · you entered S72.001A 1 point',
        'Partial credit: Diagnosis · you entered W19A · answer W19.XXXA 0.75 points',
        'Not scored: Diagnosis · not entered · answer Y92.010 0 points',
        'Partial credit: Procedure · you entered 73502 · answer 73502-RT 0.75 points',
      ]);
      assert.equal((await texts(page, '.ex-explanation')).length, 4);
      assert.equal(await text(page, '.ex-next'), 'The answers are shown. Change your codes and check again to practise.');
      assert.equal(await page.isVisible('#ex-reveal'), false);
      await shot(page, `exercise-practice-answers-${name}.png`);
      assert.deepEqual(await audit(page), []);
      assert.deepEqual(page.errors, []);
      await context.close();
    });

    it(`exam at ${name} size: one attempt, score only, no console retries`, async () => {
      const { context, page } = await open(viewport, 'copd-exam');
      assert.equal(await text(page, '#ex-meta'), 'Exam mode: score only, 1 attempt · hierarchical partial credit · date of service 2026-03-15');
      assert.equal(await text(page, '#ex-result'), 'Enter your codes, then press “Submit for grading”. Attempts left: 1.');
      await typeField(page, '#dx-1', 'J44.1');
      assert.equal(await page.$$eval('#dx-1 ~ .cl-listbox [role="option"]', (os) => os.length), 0, 'no completions in an exam');
      await typeField(page, '#px-1-code', '99214');
      await typeField(page, '#px-1-mod1', '25');
      await typeField(page, '#px-2-code', '94640');
      await tabTo(page, '#ex-grade');
      assert.equal(await text(page, '#ex-grade'), 'Submit for grading');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.ex-score');
      assert.equal(await text(page, '.ex-score'), '91.7 / 100');
      assert.equal(await text(page, '.ex-exam-note'), 'Exam mode: only the score is shown. No attempts left.');
      assert.equal(await page.$('.ex-item, .ex-rule, .ex-seq, .ex-explanation, .ex-points'), null, 'no per-code result, not even points');
      assert.equal(await page.isDisabled('#ex-grade'), true);
      assert.equal(await page.$eval('#dx-1', (i) => i.readOnly), true);
      await shot(page, `exercise-exam-${name}.png`);
      assert.deepEqual(await audit(page), []);

      // The attack from the console: the same loaded engine refuses to grade the
      // exam again, will not reveal it, and an edited practice copy grades nothing right.
      const attack = await page.evaluate(async () => {
        const mod = await import('../pkg/claimlint-exercise.js');
        const bytes = new Uint8Array(await (await fetch('../pkg/codesets.blob')).arrayBuffer());
        const v = new mod.Validator(bytes);
        const ex = await (await fetch('exercise/copd-exam.json')).json();
        const out = {};
        const tryIt = (name, f) => { try { out[name] = f(); } catch (e) { out[name] = e.code; } };
        tryIt('again', () => v.grade(ex, { principal: 'J44.1' }).score);
        tryIt('reveal', () => v.gradeAndReveal(ex, { principal: 'J44.1' }).score);
        tryIt('left', () => v.attemptsLeft(ex));
        tryIt('practiceCopy', () => v.grade({ ...ex, mode: 'practice' }, { principal: 'J44.1', procedures: [{ code: '99214', modifiers: ['25'] }] }).score);
        tryIt('moreAttempts', () => v.grade({ ...ex, attempts: 99 }, { principal: 'J44.1' }).score);
        return out;
      });
      assert.deepEqual(attack, { again: 'NO_ATTEMPTS_LEFT', reveal: 'EXAM_NO_ANSWERS', left: 0, practiceCopy: 0, moreAttempts: 0 });

      // A reload on this device still shows the attempt as used.
      await page.reload();
      await page.waitForSelector('html[data-ex-locked="true"]');
      assert.equal(await text(page, '.ex-score'), '91.7 / 100');
      assert.equal(await text(page, '.ex-exam-note'), 'Exam mode: only the score is shown. No attempts left.');
      assert.deepEqual(page.errors, []);
      await context.close();
    });
  }
});
