// Renders a grade result. Text goes in through textContent only: exercise
// files and learner input are never parsed as HTML.
import { h } from '../claimlint/dom.js';

const MARKS = {
  correct: { symbol: '✓', word: 'Correct' },
  partial: { symbol: 'P', word: 'Partial credit' },
  incorrect: { symbol: '✗', word: 'Incorrect' },
  missing: { symbol: '–', word: 'Missing' },
  not_scored: { symbol: '○', word: 'Not scored' },
};

const FIELDS = { principal: 'Principal diagnosis', diagnosis: 'Diagnosis', procedure: 'Procedure' };

const fmt = (n) => (Math.round(n * 100) / 100).toString();
const points = (n) => `${fmt(n)} ${n === 1 ? 'point' : 'points'}`;

/** The score: "62.5 / 100". */
function scoreNode(result) {
  return h('p', { className: 'ex-score', attrs: { 'data-score': result.score } },
    h('span', { className: 'ex-score__value', text: `${result.score}` }),
    h('span', { className: 'ex-score__max', text: ` / ${result.maxScore}` }));
}

/** Practice: the points behind the score (the denominator shows how extras count). */
function pointsNode(result) {
  return h('p', { className: 'muted ex-points', text: `${fmt(result.earned)} of ${points(result.possible)} · ${result.rubric === 'aapc' ? 'AAPC-style' : 'hierarchical'} scoring` });
}

/**
 * Exam: the score alone. Not even the points: their denominator moves with the number of
 * entered codes that matched nothing, which would tell which codes were wrong.
 */
export function renderExamResult(container, result, left) {
  const note = left > 0
    ? `Exam mode: only the score is shown. Attempts left: ${left}.`
    : 'Exam mode: only the score is shown. No attempts left.';
  container.replaceChildren(scoreNode(result), h('p', { className: 'muted ex-exam-note', text: note }));
}

/**
 * Practice: score, sequencing and one entry per expected code. `revealed` says whether the
 * learner asked for the answers (the key's codes and explanations are then in the result).
 */
export function renderPracticeResult(container, result, { revealed }) {
  const nodes = [scoreNode(result), pointsNode(result)];
  if (result.sequencing) nodes.push(sequencing(result.sequencing));
  if (result.items.length) nodes.push(h('ol', { className: 'ex-items' }, result.items.map(item)));
  if (result.extras.length) {
    nodes.push(h('h3', { className: 'ex-subtitle', text: 'Extra codes' }));
    nodes.push(h('ul', { className: 'ex-items ex-items--extra' }, result.extras.map(item)));
  }
  nodes.push(h('p', { className: 'muted ex-next', text: revealed
    ? 'The answers are shown. Change your codes and check again to practise.'
    : 'Change your codes and check again, or show the answers.' }));
  container.replaceChildren(...nodes);
}

function sequencing(s) {
  return h('p', { className: `ex-seq ex-seq--${s.correct ? 'ok' : 'bad'}`, attrs: { 'data-correct': s.correct } },
    h('strong', { text: s.correct ? 'Sequencing: ' : 'Sequencing problem: ' }),
    s.reason + (s.penalty ? ` (−${points(s.penalty)})` : ''));
}

/** "Principal diagnosis · you entered W19A" (plus "· answer S72.001A" once known). */
function itemHead(it) {
  const head = [FIELDS[it.field] || it.field];
  head.push(it.answered ? `you entered ${it.answered}` : 'not entered');
  if (it.expected && it.mark !== 'correct') head.push(`answer ${it.expected}`);
  return head.join(' · ');
}

function item(it) {
  const mark = MARKS[it.mark] || MARKS.incorrect;
  return h('li', { className: `ex-item ex-item--${it.mark}`, attrs: { 'data-decision': it.decision, 'data-mark': it.mark } },
    h('span', { className: 'ex-mark', attrs: { 'aria-hidden': 'true' }, text: mark.symbol }),
    h('div', { className: 'ex-item__body' },
      h('p', { className: 'ex-item__head' },
        h('span', { className: 'vh', text: `${mark.word}: ` }),
        itemHead(it),
        h('span', { className: 'ex-credit', text: ` ${points(it.credit)}` })),
      h('p', { className: 'ex-reason', text: it.reason }),
      it.rule ? h('p', { className: 'ex-rule', text: it.rule }) : null,
      it.explanation ? h('p', { className: 'ex-explanation', text: it.explanation }) : null));
}
