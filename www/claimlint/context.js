// Per-attach() settings shared by its fields, and the lookup that lets a
// <claimlint-field> element find the settings of the root it sits in.
import { MESSAGES, mergeMessages } from './messages.js';
import { readyEngine, engineFailed } from './engine.js';
import { serviceDateResolver } from './service-date.js';
import { createAnnouncer } from './live.js';

const registry = []; // {root, ctx}, most recent last
const claims = new WeakMap(); // container element -> Claim
let defaultCtx = null;

/** Builds the shared context for one attach() call. */
export function makeContext(root, options = {}) {
  const messages = mergeMessages(MESSAGES, options.messages);
  const ctx = {
    root,
    options,
    messages,
    mode: options.mode === 'exam' ? 'exam' : 'practice',
    engine: readyEngine,
    engineFailed,
    dateFor: serviceDateResolver(options.dateOfService),
    announce: createAnnouncer(root),
    onResult: options.onResult,
    onSelect: options.onSelect,
    // A committed field change re-runs its claim's checks.
    onCommit: (field) => claimOf(field.input)?.update(),
  };
  registry.push({ root, ctx });
  return ctx;
}

/** The context of the innermost attach() root holding el, else a default one. */
export function contextFor(el) {
  for (let i = registry.length - 1; i >= 0; i--) {
    const { root, ctx } = registry[i];
    if (root === document || root.contains(el)) return ctx;
  }
  if (!defaultCtx) defaultCtx = makeDefault();
  return defaultCtx;
}

function makeDefault() {
  const ctx = makeContext(document, {});
  registry.pop(); // the fallback must not shadow later attach() roots
  return ctx;
}

/** A context object that resolves lazily, for elements upgraded before attach(). */
export function lazyContext(el) {
  return new Proxy({}, { get: (_, key) => contextFor(el)[key] });
}

export function registerClaim(container, claim) {
  claims.set(container, claim);
}

export function claimOf(el) {
  const container = el.closest('[data-claimlint-claim]');
  return container ? claims.get(container) : undefined;
}
