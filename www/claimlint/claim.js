// A claim container ([data-claimlint-claim]): builds the claim object from its
// fields by JSON pointer, runs claim-level checks (engine checkClaim when it
// exists, else the local pointer check), routes each finding to the field its
// location names, and feeds the summary.
import { pointerFindings } from './pointers.js';
import { toEngineClaim } from './claim-shape.js';
import { validityMessage } from './status.js';
import { MAX_SENT } from './checks.js';
import { toIsoDate } from './dom.js';

const LINE_KEYS = { date: 'dateFrom', pos: 'pos', hcpcs: 'code', cpt: 'code', icd10pcs: 'code', units: 'units', pointer: 'pointers' };

export class Claim {
  /**
   * @param {HTMLElement} container
   * @param {import('./field.js').Field[]} fields fields inside the container
   * @param {{engine: () => object|null, messages: object, summary: {render: Function}}} ctx
   */
  constructor(container, fields, ctx) {
    this.container = container;
    this.fields = fields;
    this.ctx = ctx;
    this.findings = [];
    this.assignPaths();
  }

  /** Explicit data-claimlint-path wins; otherwise infer CMS-1500 shaped paths. */
  assignPaths() {
    let dx = 0;
    const lines = [...this.container.querySelectorAll('[data-claimlint-line]')];
    const modCount = new Map();
    for (const f of this.fields) {
      if (f.input.dataset.claimlintPath) {
        f.path = f.input.dataset.claimlintPath;
        continue;
      }
      const line = f.input.closest('[data-claimlint-line]');
      if (!line) {
        f.path = f.kind === 'icd10cm' ? `/diagnoses/${dx++}` : `/${f.kind}`;
        continue;
      }
      const j = lines.indexOf(line);
      if (f.kind === 'modifier') {
        const k = modCount.get(line) || 0;
        modCount.set(line, k + 1);
        f.path = `/lines/${j}/modifiers/${k}`;
      } else {
        f.path = `/lines/${j}/${LINE_KEYS[f.kind] || f.kind}`;
      }
    }
  }

  /** Other elements with a JSON pointer (charge, sex): summary rows can link to them too. */
  pathTargets() {
    const out = [];
    for (const el of this.container.querySelectorAll('[data-claimlint-path]')) {
      if (this.fields.some((f) => f.input === el)) continue;
      out.push(new PathTarget(el));
    }
    return out;
  }

  /**
   * The claim as a plain object, from fields and any other [data-claimlint-path] element.
   * A field counts with its value as of its last pause or leave, so a half-typed code is
   * not reported on the claim while it is being typed.
   */
  toObject() {
    const claim = { diagnoses: [], lines: [] };
    for (const t of this.pathTargets()) setAt(claim, t.path, t.input.value ?? t.input.textContent);
    // The engine reads at most 64 characters of a code: a pasted megabyte is cut here rather
    // than copied into wasm on every claim check.
    for (const f of this.fields) setAt(claim, f.path, f.committedValue().slice(0, MAX_SENT).trim());
    return fillHoles(claim);
  }

  /** Re-runs claim-level checks and hands each finding to its field. */
  update() {
    const claim = this.toObject();
    const engine = this.ctx.engine();
    let findings = null;
    let waiting = false;
    let checked = false; // the engine checked this claim (not only the local pointer check)
    const { claim: shaped, locate } = toEngineClaim(claim, this.container.dataset.claimlintClaimType || 'professional');
    const empty = !shaped.diagnoses.length && !shaped.lines.length;
    if (empty) {
      // Nothing entered yet: nothing to report (a claim-level "no lines" would only be noise).
      findings = [];
    } else if (engine?.canCheckClaim) {
      try {
        const options = { staleEdits: this.ctx.options?.staleEdits };
        const result = engine.checkClaim(shaped, options);
        // The claim tables are still downloading: the local checks until they are in.
        waiting = result?.status === 'loading';
        findings = waiting ? null : (result?.findings || []).map((f) => ({ ...f, location: locate(f.location) }));
        checked = !waiting;
      } catch {
        findings = null; // fall back to the local check rather than show nothing
      }
    }
    if (!findings) findings = pointerFindings(claim, this.ctx.messages);
    this.findings = findings;
    const byField = new Map(this.fields.map((f) => [f, []]));
    this.unplaced = [];
    const targets = this.pathTargets();
    for (const finding of findings) {
      const field = this.fieldAt(finding.location, finding.rule);
      // A field whose own check already says the value is malformed needs no second,
      // more technical message about the same value (e.g. "dateFrom ... is not a date").
      if (field && field.committed?.state === 'invalid_format') continue;
      // A code still being typed (a valid beginning, focus in the field) says "keep typing"
      // itself; the claim's "incomplete code" waits until the user leaves the field.
      if (field && field.committed?.state === 'prefix' && field.input?.matches?.(':focus')) continue;
      if (field) byField.get(field).push(field.kind === 'date' ? asTyped(finding, field.input) : finding);
      else this.unplaced.push({ ...finding, target: targets.find((t) => t.path === finding.location) || this.firstOf(finding.location) });
    }
    for (const [field, list] of byField) field.setClaimFindings(list);
    this.ctx.summary.render(this.entries(), { waiting, empty, checked, counts: { diagnoses: shaped.diagnoses.length, lines: shaped.lines.length } });
  }

  /**
   * Exact path match, else the first field under the longest matching prefix. A finding about
   * a whole line (NCCI pairs, units per day) belongs at the line's code, not its first cell.
   */
  fieldAt(location, rule = '') {
    if (!location) return null;
    // A finding about the whole list ("needs at least one service line") is not any one cell's.
    if (!/^\/[^/]+\/\d+/.test(location) && !this.fields.some((f) => f.path === location)) return null;
    const line = /^\/lines\/\d+$/.exec(location) || (/^(PTP|PAYER-PAIR|MUE|AOC)/.test(rule) && /^\/lines\/\d+/.exec(location));
    if (line) {
      const code = this.fields.find((f) => f.path === `${line[0]}/code`);
      if (code) return code;
    }
    let best = null;
    let bestLen = -1;
    for (const f of this.fields) {
      if (f.path === location) return f;
      if ((f.path.startsWith(location + '/') || location.startsWith(f.path + '/')) && Math.min(f.path.length, location.length) > bestLen) {
        best = f;
        bestLen = Math.min(f.path.length, location.length);
      }
    }
    return best;
  }

  /** For a finding about a whole list (`/lines`, `/diagnoses`), the field where that list starts. */
  firstOf(location) {
    const first = { '/lines': '/lines/0/code', '/diagnoses': '/diagnoses/0' }[location];
    return (first && this.fields.find((f) => f.path === first)) || null;
  }

  /** Summary rows in document order: field problems, then claim findings without a field. */
  entries() {
    const { messages } = this.ctx;
    const rows = [];
    for (const f of this.fields) {
      const res = f.committed;
      const seen = new Set();
      const push = (severity, message, suggestions = []) => {
        if (!message || seen.has(message)) return;
        seen.add(message);
        rows.push({ severity, message, field: f, label: f.label(), suggestions: this.ctx.mode === 'exam' ? [] : suggestions || [] });
      };
      if (res && res.state !== 'empty' && this.ctx.mode === 'exam') {
        // Exam mode gives the verdict only: finding texts often name the answer.
        if (validityMessage(res, [], messages)) push('error', messages.state[res.state]);
        continue;
      }
      if (res && res.state !== 'empty') {
        const own = validityMessage(res, [], messages);
        push('error', own, (res.findings || []).find((x) => x.message === own)?.suggestions);
        for (const x of res.findings || []) if (x.severity === 'warning' && x.rule !== 'CPT-DESC') push('warning', x.message, x.suggestions);
      }
      for (const x of f.claimFindings) push(x.severity, x.message, x.suggestions);
    }
    for (const x of this.unplaced || []) rows.push({ severity: x.severity, message: x.message, field: x.target, label: x.target?.label() || '' });
    return rows;
  }
}

/** A non-validated element with a JSON pointer (e.g. the charge, item 24F), as a summary link target. */
class PathTarget {
  constructor(el) {
    this.input = el;
    this.path = el.dataset.claimlintPath;
  }
  label() {
    const el = this.input;
    if (el.dataset.claimlintLabel) return el.dataset.claimlintLabel;
    if (el.getAttribute('aria-label')) return el.getAttribute('aria-label');
    const line = el.closest('[data-claimlint-line]');
    const num = line ? line.querySelector('legend')?.textContent.replace(/\D+/g, '') : '';
    const text = el.labels?.[0]?.textContent.trim().replace(/\s+/g, ' ') || el.name || this.path;
    return num ? `Line ${num} ${text.toLowerCase()}` : text;
  }
}

/**
 * A date typed in a text field as 09/30/2026 is read as 2026-09-30; the message about it says
 * 09/30/2026, as the user typed it.
 */
function asTyped(finding, input) {
  const typed = input.value.trim();
  const iso = toIsoDate(typed);
  if (!iso || iso === typed || !finding.message?.includes(iso)) return finding;
  return { ...finding, message: finding.message.split(iso).join(typed) };
}

/** Sets obj at a JSON pointer, creating arrays for numeric segments. */
export function setAt(obj, pointer, value) {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let cur = obj;
  parts.forEach((key, i) => {
    const last = i === parts.length - 1;
    const k = /^\d+$/.test(key) ? Number(key) : key;
    if (last) {
      cur[k] = value;
      return;
    }
    if (cur[k] == null) cur[k] = /^\d+$/.test(parts[i + 1]) ? [] : {};
    cur = cur[k];
  });
  return obj;
}

// Arrays filled out of order have holes, which do not survive the trip into
// wasm; fill them with the empty value of their siblings' kind.
function fillHoles(v) {
  if (Array.isArray(v)) {
    const objects = v.some((x) => x && typeof x === 'object');
    for (let i = 0; i < v.length; i++) v[i] = v[i] === undefined ? (objects ? {} : '') : fillHoles(v[i]);
  } else if (v && typeof v === 'object') {
    for (const k of Object.keys(v)) v[k] = fillHoles(v[k]);
  }
  return v;
}
