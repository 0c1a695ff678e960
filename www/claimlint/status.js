// Turns one check result into what a person sees under the field: an icon and
// a text label for the state (never colour alone), the code's description,
// finding messages and one-click "Use X" fix buttons.
import { h } from './dom.js';
import { fmt } from './messages.js';

const TONE_BY_STATE = {
  empty: null,
  loading: 'busy',
  prefix: 'info',
  header: 'warning',
  billable: 'ok',
  valid: 'ok',
  format_ok: 'info',
  invalid_format: 'error',
  unknown: 'error',
  inactive: 'error',
  no_data_for_date: 'warning',
  error: 'error',
  search: 'info',
  unavailable: 'info',
};
// Valid beginnings: while typing they keep their own words ("Not billable — needs more characters").
const INCOMPLETE = new Set(['header', 'prefix']);
// Said once in the data panel, not under every CPT line.
const PANEL_RULES = new Set(['CPT-DESC']);
const GLYPH = { ok: '✓', error: '✕', warning: '!', info: 'i', busy: '…' };
const RANK = { info: 0, warning: 1, error: 2 };

/** All findings for a field: its own plus claim-level ones pointed at it. */
export function allFindings(res, extra = []) {
  return [...(res?.findings || []), ...extra].filter((f) => !PANEL_RULES.has(f.rule));
}

/** ok | info | warning | error | busy | null, from the state and the worst finding. */
export function toneOf(res, extra = []) {
  const base = TONE_BY_STATE[res?.state] ?? null;
  const worst = allFindings(res, extra).reduce((m, f) => Math.max(m, RANK[f.severity] ?? 0), -1);
  if (worst === 2) return 'error';
  if (base === 'ok' && worst === 1) return 'warning';
  // A "not found" that the check itself only warns about (e.g. an unlisted place of service).
  if (res?.state === 'unknown' && worst === 1) return 'warning';
  return base;
}

/**
 * Message for native form validation, or '' when the value may be submitted.
 * Incomplete and non-billable codes block submission; warnings do not.
 */
export function validityMessage(res, extra, messages) {
  const tone = toneOf(res, extra);
  const blocking = tone === 'error' || ['prefix', 'header', 'no_data_for_date', 'search'].includes(res?.state);
  if (!blocking) return '';
  if (res?.state === 'search') return messages.validity.search;
  const first = allFindings(res, extra).find((f) => f.severity === 'error') || allFindings(res, extra)[0];
  return first?.message || messages.validity[res.state] || messages.state[res.state] || messages.state.error;
}

/** Short text for screen-reader announcements after a pause. */
export function announcement(res, extra, messages, mode, kind) {
  if (!res || res.state === 'empty') return '';
  const label = kindLabel(res.state, kind, messages);
  if (mode === 'exam') return label;
  const first = allFindings(res, extra).find((f) => f.severity !== 'info');
  const parts = [label];
  if (res.description) parts.push(res.description);
  if (first) parts.push(first.message);
  return parts.filter(Boolean).join('. ');
}

/**
 * Renders into the status and message elements.
 * @param {{status: HTMLElement, message: HTMLElement}} els
 * @param {(code: string) => void} onFix
 */
export function renderStatus(els, res, extra, { messages, mode, onFix, label, kind, typing }) {
  // While typing, a value that is not (yet) right is neutral; the verdict waits for a pause or
  // leaving. A valid beginning (header, prefix) keeps its words and list, only not in red.
  const pending = typing && toneOf(res, extra) === 'error';
  const hold = pending && !INCOMPLETE.has(res?.state);
  const tone = pending ? 'info' : toneOf(res, extra);
  const state = res?.state || 'empty';
  els.status.replaceChildren();
  els.message.replaceChildren();
  els.status.dataset.tone = tone || 'none';
  if (!tone) return tone;
  // A plain "valid" date or number needs no words; the field stays quiet.
  if (state === 'valid' && !res.description && !allFindings(res, extra).length) return tone;

  els.status.append(
    h('span', { className: 'cl-icon', attrs: { 'aria-hidden': 'true' }, text: GLYPH[tone] }),
    h('span', { className: 'cl-visually-hidden', text: `${messages.icon[tone]}: ` }),
    h('span', { className: 'cl-state', text: hold ? messages.state.pending : stateLabel(res, extra, messages, kind) }),
  );
  if (mode === 'exam' || hold) return tone;

  if (res.description) {
    const desc = h('span', { className: 'cl-desc', text: res.code ? `${res.code} — ${res.description}` : res.description });
    // A modifier cell is two characters wide: its description goes to the line's message row.
    if (kind === 'modifier' && label) els.message.append(h('p', { className: 'cl-hint' }, desc));
    else els.status.append(desc);
  }
  if (state === 'header' && res.code) {
    els.message.append(h('p', { className: 'cl-hint', text: fmt(messages.headerHint, { code: res.code }) }));
  } else if (state === 'prefix' && res.system !== 'pos') {
    els.message.append(h('p', { className: 'cl-hint', text: fmt(messages.prefixHint, { count: res.completions?.length || 0 }) }));
  } else if (state === 'search') {
    const query = String(res.input || '').trim();
    const count = res.completions?.length || 0;
    els.message.append(h('p', { className: 'cl-hint', text: fmt(count ? messages.searchHits : messages.searchNone, { count, query }) }));
  }
  for (const f of allFindings(res, extra)) {
    // The header hint above already says what DX-HEADER says, in friendlier words.
    if (state === 'header' && f.rule === 'DX-HEADER') continue;

    els.message.append(renderFinding(f, messages, onFix));
  }
  if (label && els.message.firstChild) {
    // Away from its input, say which field the message is about (screen readers
    // get that from aria-describedby already).
    els.message.prepend(h('span', { className: 'cl-message__label', attrs: { 'aria-hidden': 'true' }, text: label }));
  }
  return tone;
}

function stateLabel(res, extra, messages, kind) {
  // A valid value can still be wrong in context (e.g. a pointer to an empty diagnosis).
  if (['valid', 'billable'].includes(res.state) && allFindings(res, extra).some((f) => f.severity !== 'info')) {
    return messages.state.attention;
  }
  return kindLabel(res.state, kind, messages);
}

/** The state's words for this kind of field ("Valid modifier", not "Billable"). */
export function kindLabel(state, kind, messages) {
  return messages.stateByKind?.[kind]?.[state] ?? messages.state[state] ?? state;
}

function renderFinding(f, messages, onFix) {
  const item = h(
    'div',
    { className: `cl-finding cl-finding--${f.severity}` },
    h('span', { className: 'cl-visually-hidden', text: `${messages.severity[f.severity] || f.severity}: ` }),
    h('span', { className: 'cl-finding__text', text: f.message }),
  );
  const fixes = fixButtons(f.suggestions, 3, messages, onFix, {
    // Keep focus in the input on mouse use: a blur here would commit the half-fixed value
    // and could move the button before the click lands.
    onMousedown: (e) => e.preventDefault(),
  });
  if (fixes) item.append(fixes);
  return item;
}

/**
 * "Use X" buttons for up to `limit` suggestions, or null when there are none.
 * @param {string} [prefix] words in front of each button's accessible name (its field, when
 *   the button is away from the field)
 */
export function fixButtons(suggestions, limit, messages, onFix, { prefix = '', onMousedown } = {}) {
  const fixes = (suggestions || []).slice(0, limit);
  if (!fixes.length) return null;
  return h(
    'span',
    { className: 'cl-fixes' },
    fixes.map((s) => {
      const name = fmt(messages.useSuggestionLabel, { code: s.code, description: s.description });
      return h('button', {
        type: 'button',
        className: 'cl-fix',
        text: fmt(messages.useSuggestion, { code: s.code }),
        title: s.description || '',
        attrs: { 'aria-label': prefix ? `${prefix}: ${name}` : name, 'data-code': s.code },
        onMousedown,
        onClick: () => onFix(s.code),
      });
    }),
  );
}
