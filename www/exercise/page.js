// Coding-exercise page: loads one exercise, upgrades the answer fields with the
// claimlint widget, and grades in the browser with the wasm grader.
// Practice mode regrades as you type; exam mode grades on submit, score only.
import { attach } from '../claimlint.js';
import { h } from '../claimlint/dom.js';
import { readAnswer, isEmpty } from './answer.js';
import { renderResult } from './render.js';

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

function showExercise(ex) {
  document.title = `${ex.title} — claimlint coding exercise`;
  $('#ex-title').textContent = ex.title;
  $('#ex-scenario').textContent = ex.scenario;
  const mode = ex.mode === 'exam' ? 'Exam mode: no hints, score only' : 'Practice mode: hints and explanations';
  const rubric = ex.rubric === 'hierarchical' ? 'hierarchical partial credit' : 'AAPC-style scoring';
  $('#ex-meta').textContent = `${mode} · ${rubric}${ex.dateOfService ? ` · date of service ${ex.dateOfService}` : ''}`;
  document.documentElement.dataset.exMode = ex.mode === 'exam' ? 'exam' : 'practice';
}

async function main() {
  const index = await getJson('exercises.json');
  const wanted = new URLSearchParams(location.search).get('ex');
  const entry = index.exercises.find((e) => e.id === wanted) || index.exercises[0];
  listExercises(index, entry.id);
  const ex = await getJson(entry.file);
  showExercise(ex);

  const form = $('#answer');
  const exam = ex.mode === 'exam';
  const handle = attach(document, { mode: exam ? 'exam' : 'practice', dateOfService: () => ex.dateOfService });
  const engine = await handle.ready;
  if (!engine) return;
  if (typeof engine.validator.grade !== 'function') {
    showError('This build of the validator has no grader.');
    return;
  }

  const result = $('#ex-result');
  const grade = () => {
    const answer = readAnswer(form);
    if (!exam && isEmpty(answer)) {
      result.replaceChildren(h('p', { className: 'muted', text: 'Enter codes to see your score.' }));
      return;
    }
    try {
      renderResult(result, engine.validator.grade(ex, answer));
      document.documentElement.dataset.exGraded = 'true';
    } catch (e) {
      showError(`Could not grade: ${e?.message || e}`);
    }
  };

  // Practice: instant feedback, lightly debounced so typing stays smooth.
  let timer = 0;
  if (!exam) {
    form.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(grade, 150);
    });
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    grade();
  });
  $('#ex-clear').addEventListener('click', () => {
    form.reset();
    for (const f of handle.fields) f.refresh();
    delete document.documentElement.dataset.exGraded;
    result.replaceChildren(h('p', { className: 'muted', text: 'Enter codes to see your score.' }));
  });
}

main().catch((e) => showError(`Could not load the exercise: ${e?.message || e}`));
