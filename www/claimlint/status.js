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
};
const GLYPH = { ok: '✓', error: '✕', warning: '!', info: 'i', busy: '…' };
const RANK = { info: 0, warning: 1, error: 2 };

/** All findings for a field: its own plus claim-level ones pointed at it. */
export function allFindings(res, extra = []) {
  return [...(res?.findings || []), ...extra];
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
  const blocking = tone === 'error' || ['prefix', 'header', 'no_data_for_date'].includes(res?.state);
  if (!blocking) return '';
  const first = allFindings(res, extra).find((f) => f.severity === 'error') || allFindings(res, extra)[0];
  return first?.message || messages.validity[res.state] || messages.state[res.state] || messages.state.error;
}

/** Short text for screen-reader announcements after a pause. */
export function announcement(res, extra, messages, mode) {
  if (!res || res.state === 'empty') return '';
  const label = messages.state[res.state] || '';
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
export function renderStatus(els, res, extra, { messages, mode, onFix, label }) {
  const tone = toneOf(res, extra);
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
    h('span', { className: 'cl-state', text: stateLabel(res, extra, messages) }),
  );
  if (mode === 'exam') return tone;

  if (res.description) {
    els.status.append(h('span', { className: 'cl-desc', text: res.code ? `${res.code} — ${res.description}` : res.description }));
  }
  if (state === 'header' && res.code) {
    els.message.append(h('p', { className: 'cl-hint', text: fmt(messages.headerHint, { code: res.code }) }));
  } else if (state === 'prefix' && res.system !== 'pos') {
    els.message.append(h('p', { className: 'cl-hint', text: fmt(messages.prefixHint, { count: res.completions?.length || 0 }) }));
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

function stateLabel(res, extra, messages) {
  // A valid value can still be wrong in context (e.g. a pointer to an empty diagnosis).
  if (['valid', 'billable'].includes(res.state) && allFindings(res, extra).some((f) => f.severity !== 'info')) {
    return messages.state.attention;
  }
  return messages.state[res.state] ?? res.state;
}

function renderFinding(f, messages, onFix) {
  const item = h(
    'div',
    { className: `cl-finding cl-finding--${f.severity}` },
    h('span', { className: 'cl-visually-hidden', text: `${messages.severity[f.severity] || f.severity}: ` }),
    h('span', { className: 'cl-finding__text', text: f.message }),
  );
  const fixes = (f.suggestions || []).slice(0, 3);
  if (fixes.length) {
    item.append(
      h(
        'span',
        { className: 'cl-fixes' },
        fixes.map((s) =>
          h('button', {
            type: 'button',
            className: 'cl-fix',
            text: fmt(messages.useSuggestion, { code: s.code }),
            title: s.description || '',
            attrs: { 'aria-label': fmt(messages.useSuggestionLabel, { code: s.code, description: s.description }), 'data-code': s.code },
            // Keep focus in the input on mouse use: a blur here would commit the
            // half-fixed value and could move the button before the click lands.
            onMousedown: (e) => e.preventDefault(),
            onClick: () => onFix(s.code),
          }),
        ),
      ),
    );
  }
  return item;
}
