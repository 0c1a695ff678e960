// A claim container ([data-claimlint-claim]): builds the claim object from its
// fields by JSON pointer, runs claim-level checks (engine checkClaim when it
// exists, else the local pointer check), routes each finding to the field its
// location names, and feeds the summary.
import { pointerFindings } from './pointers.js';
import { toEngineClaim } from './claim-shape.js';
import { validityMessage } from './status.js';

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

  /** The claim as a plain object, from fields and any other [data-claimlint-path] element. */
  toObject() {
    const claim = { diagnoses: [], lines: [] };
    for (const el of this.container.querySelectorAll('[data-claimlint-path]')) {
      if (this.fields.some((f) => f.input === el)) continue;
      setAt(claim, el.dataset.claimlintPath, el.value ?? el.textContent);
    }
    for (const f of this.fields) setAt(claim, f.path, f.input.value.trim());
    return fillHoles(claim);
  }

  /** Re-runs claim-level checks and hands each finding to its field. */
  update() {
    const claim = this.toObject();
    const engine = this.ctx.engine();
    let findings = null;
    if (engine?.canCheckClaim) {
      try {
        const { claim: shaped, locate } = toEngineClaim(claim);
        findings = (engine.checkClaim(shaped)?.findings || []).map((f) => ({ ...f, location: locate(f.location) }));
      } catch {
        findings = null; // fall back to the local check rather than show nothing
      }
    }
    if (!findings) findings = pointerFindings(claim, this.ctx.messages);
    this.findings = findings;
    const byField = new Map(this.fields.map((f) => [f, []]));
    this.unplaced = [];
    for (const finding of findings) {
      const field = this.fieldAt(finding.location);
      if (field) byField.get(field).push(finding);
      else this.unplaced.push(finding);
    }
    for (const [field, list] of byField) field.setClaimFindings(list);
    this.ctx.summary.render(this.entries());
  }

  /** Exact path match, else the first field under the longest matching prefix. */
  fieldAt(location) {
    if (!location) return null;
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

  /** Summary rows in document order: field problems, then claim findings without a field. */
  entries() {
    const { messages } = this.ctx;
    const rows = [];
    for (const f of this.fields) {
      const res = f.committed;
      const seen = new Set();
      const push = (severity, message) => {
        if (!message || seen.has(message)) return;
        seen.add(message);
        rows.push({ severity, message, field: f, label: f.label() });
      };
      if (res && res.state !== 'empty' && this.ctx.mode === 'exam') {
        // Exam mode gives the verdict only: finding texts often name the answer.
        if (validityMessage(res, [], messages)) push('error', messages.state[res.state]);
        continue;
      }
      if (res && res.state !== 'empty') {
        push('error', validityMessage(res, [], messages));
        for (const x of res.findings || []) if (x.severity === 'warning') push('warning', x.message);
      }
      for (const x of f.claimFindings) push(x.severity, x.message);
    }
    for (const x of this.unplaced || []) rows.push({ severity: x.severity, message: x.message, field: null, label: '' });
    return rows;
  }
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
