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

/** Replaces the container's content with the score (and, in practice mode, feedback). */
export function renderResult(container, result) {
  const nodes = [
    h('p', { className: 'ex-score', attrs: { 'data-score': result.score } },
      h('span', { className: 'ex-score__value', text: `${result.score}` }),
      h('span', { className: 'ex-score__max', text: ` / ${result.maxScore}` })),
    h('p', { className: 'muted ex-points', text: `${fmt(result.earned)} of ${fmt(result.possible)} points · ${result.rubric === 'aapc' ? 'AAPC-style' : 'hierarchical'} scoring` }),
  ];
  if (result.mode === 'exam') {
    nodes.push(h('p', { className: 'muted ex-exam-note', text: 'Exam mode: only the score is shown.' }));
    container.replaceChildren(...nodes);
    return;
  }
  if (result.sequencing) nodes.push(sequencing(result.sequencing));
  if (result.items.length) nodes.push(h('ol', { className: 'ex-items' }, result.items.map(item)));
  if (result.extras.length) {
    nodes.push(h('h3', { className: 'ex-subtitle', text: 'Extra codes' }));
    nodes.push(h('ul', { className: 'ex-items ex-items--extra' }, result.extras.map(item)));
  }
  container.replaceChildren(...nodes);
}

function sequencing(s) {
  return h('p', { className: `ex-seq ex-seq--${s.correct ? 'ok' : 'bad'}`, attrs: { 'data-correct': s.correct } },
    h('strong', { text: s.correct ? 'Sequencing: ' : 'Sequencing problem: ' }),
    s.reason + (s.penalty ? ` (−${fmt(s.penalty)} point)` : ''));
}

function item(it) {
  const mark = MARKS[it.mark] || MARKS.incorrect;
  const head = [FIELDS[it.field] || it.field];
  if (it.expected) head.push(`expected ${it.expected}`);
  head.push(it.answered ? `you entered ${it.answered}` : 'not entered');
  return h('li', { className: `ex-item ex-item--${it.mark}`, attrs: { 'data-decision': it.decision, 'data-mark': it.mark } },
    h('span', { className: 'ex-mark', attrs: { 'aria-hidden': 'true' }, text: mark.symbol }),
    h('div', { className: 'ex-item__body' },
      h('p', { className: 'ex-item__head' },
        h('span', { className: 'vh', text: `${mark.word}: ` }),
        head.join(' · '),
        h('span', { className: 'ex-credit', text: ` ${fmt(it.credit)} pt` })),
      h('p', { className: 'ex-reason', text: it.reason }),
      it.rule ? h('p', { className: 'ex-rule', text: it.rule }) : null,
      it.explanation ? h('p', { className: 'ex-explanation', text: it.explanation }) : null));
}
