// One validated input: checks on every keystroke, shows the state at once,
// but only flags aria-invalid (and announces) after a pause or on blur so a
// screen reader is not told "invalid" for every half-typed code.
import { h, uid, addIdRef, todayIso } from './dom.js';
import { fmt } from './messages.js';
import { Combobox } from './combobox.js';
import { runCheck, ENGINE_KINDS, MAX_SENT } from './checks.js';
import { renderStatus, toneOf, validityMessage, announcement } from './status.js';

export const PAUSE_MS = 600;
// States whose `code` is the value in standard form.
const NORMALIZED_STATES = new Set(['billable', 'header', 'valid', 'inactive', 'format_ok']);
const LISTBOX_KINDS = new Set([...ENGINE_KINDS, 'pos']);

export class Field {
  /**
   * @param {HTMLInputElement} input
   * @param {string} kind one of the data-claimlint values
   * @param {object} ctx shared per attach(): messages, mode, engine(), dateFor(input),
   *   announce(text), onResult, onSelect, onCommit(field)
   * @param {{setValidity?: (message: string, anchor: HTMLElement) => void}} hooks
   *   where native validity goes: the input itself, or a custom element's internals
   */
  constructor(input, kind, ctx, hooks = {}) {
    this.input = input;
    this.kind = kind;
    this.ctx = ctx;
    this.setValidity = hooks.setValidity || ((msg) => input.setCustomValidity(msg));
    this.result = null; // latest check, per keystroke
    this.committed = null; // result as of the last pause/blur
    this.claimFindings = []; // claim-level findings located at this field
    this.timer = 0;
    this.renderMs = 0;

    this.wrap = h('span', { className: `cl-field cl-field--${kind}` });
    // An implicit <label> around the input would swallow the status text into
    // the field's accessible name, so the wrapper goes around the label instead.
    const host = input.closest('label') || input;
    host.replaceWith(this.wrap);
    this.wrap.append(host);
    input.classList.add('cl-input');
    // A code or a search fits in far less; a pasted megabyte would stall the page's layout.
    if (ENGINE_KINDS.has(kind) && input.maxLength < 0) input.maxLength = MAX_SENT;
    this.status = h('span', { className: 'cl-status', attrs: { id: uid('status') } });
    this.message = h('span', { className: 'cl-message', attrs: { id: uid('msg') } });
    this.wrap.append(this.status, this.message);
    // A line can collect its cells' messages in one full-width row
    // ([data-claimlint-messages]) instead of squeezing them under narrow inputs.
    const slot = input.closest('[data-claimlint-line]')?.querySelector('[data-claimlint-messages]');
    if (slot) {
      this.message.classList.add('cl-message--remote');
      slot.append(this.message);
    }
    addIdRef(input, 'aria-describedby', this.status.id);
    addIdRef(input, 'aria-describedby', this.message.id);

    if (LISTBOX_KINDS.has(kind) && ctx.mode !== 'exam') {
      this.combobox = new Combobox(input, {
        label: fmt(ctx.messages.completionsLabel, { kind: ctx.messages.fieldKind[kind] || kind }),
        messages: ctx.messages,
        onSelect: (item) => this.apply(item.code, 'select', item),
      });
      // After the status line, so the state stays visible while the list is open.
      this.status.after(this.combobox.listbox);
    }

    this.typing = false; // between a keystroke and the next pause or leave
    this.committedText = input.value;
    input.addEventListener('input', (e) => this.onInput(e));
    input.addEventListener('blur', () => this.commit({ leaving: true }));
    input.addEventListener('change', () => this.commit({ leaving: true }));
    if (kind === 'date' && input.dataset.claimlintDefault === 'today' && !input.value) this.fillToday();
  }

  /** A date of service that starts at today's date (a visible value, never a silent substitute). */
  fillToday() {
    const iso = todayIso();
    const [y, m, d] = iso.split('-');
    // A text field gets the US form a person would type; a date input takes ISO.
    this.input.value = this.input.type === 'date' ? iso : `${m}/${d}/${y}`;
  }

  /** Exam mode hides completions; elements upgraded before attach() learn it here. */
  applyMode(mode) {
    if (mode === 'exam' && this.combobox) {
      this.combobox.destroy();
      this.combobox = null;
    }
  }

  get value() {
    return this.input.value;
  }

  /** The value the claim sees: as of the last pause or leave while the user is typing. */
  committedValue() {
    return this.typing ? this.committedText : this.input.value;
  }

  onInput(e) {
    if (e?.detail?.claimlintNormalized) {
      this.check();
      return;
    }
    this.typing = true;
    // What was said about the previous value no longer holds.
    if (this.committed) this.ctx.announce('');
    this.check();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.commit(), PAUSE_MS);
  }

  /** Checks the current value and renders it immediately (every keystroke). */
  check() {
    const t0 = performance.now();
    const { ctx } = this;
    this.result = runCheck(this.kind, this.input.value, {
      engine: ctx.engine(),
      failed: ctx.engineFailed?.(),
      on: ctx.dateFor(this.input),
      messages: ctx.messages,
    });
    this.render();
    this.renderMs = performance.now() - t0;
    this.wrap.dataset.renderMs = this.renderMs.toFixed(3);
    ctx.onResult?.(this.result, this.input);
    return this.result;
  }

  render() {
    const { ctx, result } = this;
    const tone = renderStatus({ status: this.status, message: this.message }, result, this.extraClaimFindings(), {
      messages: ctx.messages,
      mode: ctx.mode,
      onFix: (code) => this.apply(code, 'fix'),
      label: this.message.classList.contains('cl-message--remote') ? this.label() : '',
      kind: this.kind,
      typing: this.typing,
    });
    this.wrap.dataset.state = result?.state || 'empty';
    this.wrap.dataset.tone = tone || 'none';
    // Clearing an error is safe at once; raising one waits for the pause.
    if (tone !== 'error') this.input.removeAttribute('aria-invalid');
    const invalid = validityMessage(result, this.claimFindings, ctx.messages);
    this.setValidity(invalid && ctx.mode === 'exam' ? ctx.messages.state[result.state] || invalid : invalid, this.input);
    if (this.combobox) {
      this.combobox.setItems(ctx.mode === 'exam' ? [] : result?.completions || []);
    }
  }

  /** The pause/blur point: aria-invalid, announcement, claim re-check; on leave, the standard form. */
  commit({ leaving = false } = {}) {
    clearTimeout(this.timer);
    const wasTyping = this.typing;
    this.typing = false;
    if (leaving) this.normalize();
    this.committedText = this.input.value;
    if (!this.result) this.check();
    else if (wasTyping) this.render();
    const tone = toneOf(this.result, this.claimFindings);
    if (tone === 'error') this.input.setAttribute('aria-invalid', 'true');
    else this.input.removeAttribute('aria-invalid');
    const changed = this.committed !== this.result;
    this.committed = this.result;
    if (changed && document.activeElement === this.input) {
      const count = this.combobox?.items.length || 0;
      const text = announcement(this.result, this.claimFindings, this.ctx.messages, this.ctx.mode, this.kind);
      const extra = count && this.ctx.mode !== 'exam' ? ` ${fmt(this.ctx.messages.completionsCount, { count })}` : '';
      this.ctx.announce(text + extra);
    }
    if (changed) this.ctx.onCommit?.(this);
  }

  /**
   * Claim findings that add to the field's own check: the claim engine re-reports a code's
   * own findings (e.g. a missing placeholder X) at its field, which would show them twice.
   */
  extraClaimFindings() {
    const own = this.result?.findings || [];
    return this.claimFindings.filter((c) => !own.some((f) => f.rule === c.rule && f.message === c.message));
  }

  /**
   * Puts a recognised code in its standard form ("j159" → "J15.9", "rt" → "RT").
   * A host turns this off with attach(root, { normalize: false }).
   */
  normalize() {
    if (this.ctx.options?.normalize === false || !this.result) return;
    const { state, code } = this.result;
    const standard = NORMALIZED_STATES.has(state) && code && (ENGINE_KINDS.has(this.kind) || this.kind === 'pointer' || this.kind === 'pos');
    if (!standard || this.input.value === code) return;
    this.input.value = code;
    this.input.dispatchEvent(new CustomEvent('input', { bubbles: true, detail: { claimlintNormalized: true } }));
  }

  /** Claim-level findings that point at this field (set by the claim controller). */
  setClaimFindings(findings) {
    const same = findings.length === this.claimFindings.length && findings.every((f, i) => f.message === this.claimFindings[i].message);
    if (same) return;
    this.claimFindings = findings;
    if (this.result) {
      this.render();
      const tone = toneOf(this.result, findings);
      if (tone === 'error' && document.activeElement !== this.input) this.input.setAttribute('aria-invalid', 'true');
    }
  }

  /** Replaces the value (completion or fix), as if typed, and keeps focus here. */
  apply(code, how, item) {
    this.input.value = code;
    this.input.dispatchEvent(new Event('input', { bubbles: true }));
    this.input.dispatchEvent(new Event('change', { bubbles: true }));
    this.commit();
    this.input.focus();
    if (how === 'fix') this.ctx.announce(fmt(this.ctx.messages.fixedTo, { code }));
    this.ctx.onSelect?.({ code, how, item, result: this.result }, this.input);
  }

  /** Re-checks after the engine loads or the date of service changes. */
  refresh() {
    if (!this.input.value && !this.result) return;
    this.check();
    this.committed = this.result;
    const tone = toneOf(this.result, this.claimFindings);
    if (tone === 'error' && document.activeElement !== this.input) this.input.setAttribute('aria-invalid', 'true');
  }

  /** The accessible name, for the claim summary. */
  label() {
    const i = this.input;
    if (i.dataset.claimlintLabel) return i.dataset.claimlintLabel;
    const labelled = i.getAttribute('aria-labelledby');
    if (labelled) {
      const text = labelled.split(/\s+/).map((id) => document.getElementById(id)?.textContent || '').join(' ').trim();
      if (text) return text;
    }
    if (i.getAttribute('aria-label')) return i.getAttribute('aria-label');
    const lab = i.labels?.[0];
    if (lab) return lab.textContent.trim().replace(/\s+/g, ' ');
    return i.name || i.placeholder || this.kind;
  }
}
