// Coding-exercise page: loads one sealed exercise, upgrades the answer fields with
// the claimlint widget, and grades in the browser with the wasm grader — only when
// the learner asks. Practice: "Check my answer" (reasons, no key), then "Show the
// answers" on request. Exam: "Submit for grading", score only, a limited number of
// attempts (counted by the engine; this page also remembers them on this device).
import { attach } from '../claimlint.js';
import { h } from '../claimlint/dom.js';
import { readAnswer } from './answer.js';
import { renderPracticeResult, renderExamResult } from './render.js';
import { examRecord, saveExamRecord } from './attempts.js';

const $ = (sel) => document.querySelector(sel);
const base = new URL('./', import.meta.url);

async function getJson(name) {
  const res = await fetch(new URL(name, base));
  if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
  return res.json();
}

function showError(message) {
  const el = $('#ex-error');
  el.textContent = message;
  el.hidden = false;
}

function listExercises(index, current) {
  const items = index.exercises.map((e) =>
    h('li', {},
      h('a', { href: `exercise.html?ex=${encodeURIComponent(e.id)}`, attrs: { 'aria-current': e.id === current ? 'page' : null }, text: e.title }),
      h('span', { className: `ex-badge ex-badge--${e.mode}`, text: e.mode === 'exam' ? 'exam' : 'practice' })),
  );
  $('#ex-list').replaceChildren(...items);
}

const allowedAttempts = (ex) => Math.max(1, ex.attempts || 1);
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

function showExercise(ex) {
  document.title = `${ex.title} — claimlint coding exercise`;
  $('#ex-title').textContent = ex.title;
  $('#ex-scenario').textContent = ex.scenario;
  const exam = ex.mode === 'exam';
  const mode = exam
    ? `Exam mode: score only, ${plural(allowedAttempts(ex), 'attempt')}`
    : 'Practice mode: check your answer when you are ready';
  const rubric = ex.rubric === 'hierarchical' ? 'hierarchical partial credit' : 'AAPC-style scoring';
  $('#ex-meta').textContent = `${mode} · ${rubric}${ex.dateOfService ? ` · date of service ${ex.dateOfService}` : ''}`;
  document.documentElement.dataset.exMode = exam ? 'exam' : 'practice';
  $('#ex-grade').textContent = exam ? 'Submit for grading' : 'Check my answer';
}

function placeholder(text) {
  $('#ex-result').replaceChildren(h('p', { className: 'muted', id: 'ex-placeholder', text }));
}

function practice({ ex, validator, form, handle }) {
  const reveal = $('#ex-reveal');
  const idle = 'Enter your codes, then press “Check my answer”.';
  placeholder(idle);
  let checked = false;
  const check = (show) => {
    const answer = readAnswer(form);
    const result = show ? validator.gradeAndReveal(ex, answer) : validator.grade(ex, answer);
    renderPracticeResult($('#ex-result'), result, { revealed: show });
    document.documentElement.dataset.exGraded = show ? 'revealed' : 'checked';
    checked = true;
    reveal.hidden = show;
    $('#ex-stale').hidden = true;
    // On a tablet the result sits below the form: bring it into view.
    $('#result-title').scrollIntoView({ block: 'nearest' });
  };
  const run = (show) => {
    try {
      check(show);
    } catch (err) {
      showError(`Could not grade: ${err?.message || err}`);
    }
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run(false);
  });
  reveal.addEventListener('click', () => {
    run(true);
    $('#result-title').focus();
  });
  form.addEventListener('input', () => {
    if (checked) $('#ex-stale').hidden = false;
  });
  $('#ex-clear').addEventListener('click', () => {
    form.reset();
    for (const f of handle.fields) f.refresh();
    checked = false;
    reveal.hidden = true;
    $('#ex-stale').hidden = true;
    delete document.documentElement.dataset.exGraded;
    placeholder(idle);
  });
}

function lock(form) {
  for (const el of form.querySelectorAll('input')) el.readOnly = true;
  $('#ex-grade').disabled = true;
  $('#ex-clear').disabled = true;
  document.documentElement.dataset.exLocked = 'true';
}

function exam({ ex, validator, form }) {
  const allowed = allowedAttempts(ex);
  const record = examRecord(ex);
  const left = () => Math.min(validator.attemptsLeft(ex) ?? allowed, allowed - record.used);
  if (left() <= 0) {
    lock(form);
    if (record.result) renderExamResult($('#ex-result'), record.result, 0);
    else placeholder('No attempts left on this device.');
    return;
  }
  placeholder(`Enter your codes, then press “Submit for grading”. Attempts left: ${left()}.`);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (left() <= 0) return;
    let result;
    try {
      result = validator.grade(ex, readAnswer(form));
    } catch (err) {
      if (err?.code === 'NO_ATTEMPTS_LEFT') {
        lock(form);
        placeholder('No attempts left.');
      } else {
        showError(`Could not grade: ${err?.message || err}`);
      }
      return;
    }
    record.used += 1;
    record.result = { score: result.score, maxScore: result.maxScore };
    saveExamRecord(ex, record);
    renderExamResult($('#ex-result'), result, left());
    $('#result-title').scrollIntoView({ block: 'nearest' });
    document.documentElement.dataset.exGraded = 'submitted';
    if (left() <= 0) lock(form);
  });
  $('#ex-clear').addEventListener('click', () => {
    form.reset();
  });
}

async function main() {
  const index = await getJson('exercises.json');
  const wanted = new URLSearchParams(location.search).get('ex');
  const entry = index.exercises.find((e) => e.id === wanted) || index.exercises[0];
  listExercises(index, entry.id);
  const ex = await getJson(entry.file);
  showExercise(ex);

  const form = $('#answer');
  const isExam = ex.mode === 'exam';
  // normalize: false keeps each code exactly as the learner typed it: what is graded and
  // echoed is their entry, never a form the widget put it in.
  const handle = attach(document, { engine: 'exercise', mode: isExam ? 'exam' : 'practice', normalize: false, dateOfService: () => ex.dateOfService });
  const engine = await handle.ready;
  if (!engine) return;
  const validator = engine.validator;
  if (typeof validator.grade !== 'function' || typeof validator.attemptsLeft !== 'function') {
    showError('This build of the validator has no grader.');
    return;
  }
  const setup = isExam ? exam : practice;
  try {
    setup({ ex, validator, form, handle });
  } catch (e) {
    showError(`Could not grade: ${e?.message || e}`);
  }
}

main().catch((e) => showError(`Could not load the exercise: ${e?.message || e}`));
