// Claim-level summary: every problem on the claim as a list of links, each of
// which moves focus to the field it is about (the GOV.UK error-summary pattern).
import { h, uid, ensureId } from './dom.js';
import { fmt } from './messages.js';
import { fixButtons } from './status.js';

const GLYPH = { error: '✕', warning: '!', info: 'i' };

export class Summary {
  constructor(container, messages) {
    this.messages = messages;
    this.el = container.querySelector('[data-claimlint-summary]');
    if (!this.el) {
      this.el = h('section', { attrs: { 'data-claimlint-summary': '' } });
      container.prepend(this.el);
    }
    this.el.classList.add('cl-summary');
    const level = Math.min(6, Math.max(2, Number(this.el.dataset.claimlintSummary) || 2));
    this.heading = h(`h${level}`, { className: 'cl-summary__title', attrs: { id: uid('summary-title'), tabindex: '-1' } });
    this.intro = h('p', { className: 'cl-summary__intro' });
    this.list = h('ul', { className: 'cl-summary__list' });
    // Notes about the claim as a whole (e.g. an edit table past its window that found nothing):
    // not problems, so not counted, but never dropped.
    this.notes = h('ul', { className: 'cl-summary__notes', attrs: { 'aria-label': messages.summaryNotes } });
    this.el.setAttribute('aria-labelledby', this.heading.id);
    this.el.replaceChildren(this.heading, this.intro, this.list, this.notes);
    this.count = 0;
    this.render([], { empty: true });
  }

  /**
   * `waiting`: the claim tables are still downloading, so only field checks have run. `empty`:
   * nothing is entered yet. `checked`: the engine checked the claim (false when it is not loaded
   * or failed, and only the local checks ran). `counts`: {diagnoses, lines} the check covered.
   * "No problems found" is said only of a claim the engine checked.
   */
  render(rows, { waiting = false, empty = false, checked = true, counts = null } = {}) {
    const m = this.messages;
    const problems = rows.filter((r) => r.severity !== 'info');
    this.count = problems.filter((r) => r.severity === 'error').length;
    const state = problems.length ? 'problems' : empty ? 'empty' : waiting ? 'waiting' : checked ? 'clean' : 'unchecked';
    this.el.dataset.count = String(problems.length);
    this.el.dataset.state = state;
    this.el.dataset.tone = this.count ? 'error' : problems.length ? 'warning' : state === 'clean' || state === 'empty' ? 'ok' : 'pending';
    const text = {
      problems: [fmt(m.summaryTitle, { count: problems.length }), waiting ? m.summaryWaiting : m.summaryIntro],
      empty: [m.summaryTitleEmpty, m.summaryEmptyClaim],
      waiting: [m.summaryTitleWaiting, m.summaryWaiting],
      unchecked: [m.summaryTitleUnchecked, m.summaryUnchecked],
      clean: [m.summaryTitleNone, fmt(m.summaryChecked, counts || { diagnoses: 0, lines: 0 })],
    }[state];
    this.heading.textContent = text[0];
    this.intro.textContent = text[1];
    this.list.replaceChildren(...problems.map((r) => this.row(r)));
    const notes = empty || waiting ? [] : rows.filter((r) => r.severity === 'info' && !r.field);
    this.notes.replaceChildren(...notes.map((r) => this.row(r, 'cl-summary__note')));
  }

  row(r, className = 'cl-summary__item') {
    const m = this.messages;
    const body = h('span', { className: 'cl-summary__body' }, h('span', { className: 'cl-summary__sev', text: `${m.severity[r.severity] || r.severity}: ` }));
    const li = h(
      'li',
      { className: `${className} ${className}--${r.severity}` },
      h('span', { className: 'cl-icon', attrs: { 'aria-hidden': 'true' }, text: GLYPH[r.severity] || 'i' }),
      body,
    );
    if (r.field) {
      const id = ensureId(r.field.input, 'field');
      body.append(
        h('a', {
          href: `#${id}`,
          className: 'cl-summary__link',
          text: r.label,
          onClick: (e) => {
            e.preventDefault();
            r.field.input.focus();
            r.field.input.scrollIntoView({ block: 'center' });
          },
        }),
        h('span', { className: 'cl-summary__msg', text: ` — ${r.message}` }),
      );
      // The engine's fix, one press away (the field applies it and keeps the focus there).
      const fixes = typeof r.field.apply === 'function' ? fixButtons(r.suggestions, 2, m, (code) => r.field.apply(code, 'fix'), { prefix: r.label }) : null;
      if (fixes) body.append(fixes);
    } else {
      body.append(h('span', { className: 'cl-summary__msg', text: r.message }));
    }
    return li;
  }

  /** Moves focus to the summary (after a blocked submit). */
  focus() {
    this.heading.focus();
  }
}
