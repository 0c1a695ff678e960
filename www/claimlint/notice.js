// The engine's loading line for one attach() root: progress while the code
// sets download (bytes done and total for each part, in the order they come),
// a plain error with a "Try again" button when they fail (network, partial
// download, checksum), nothing once they are all in. Fields work as soon as
// the first part is in; the line then says what is still coming.
import { h } from './dom.js';
import { fmt } from './messages.js';
import { engineEvents } from './engine.js';

export class Notice {
  constructor(root, messages, onRetry) {
    this.messages = messages;
    this.onRetry = onRetry;
    const scope = root === document ? document : root;
    this.el = scope.querySelector('[data-claimlint-notice]');
    if (!this.el) {
      this.el = h('div', { attrs: { 'data-claimlint-notice': '' } });
      const anchor = scope.querySelector('[data-claimlint-claim]') || scope.querySelector('[data-claimlint], claimlint-field')?.form;
      if (anchor) anchor.prepend(this.el);
      else (root === document ? document.body : root).prepend(this.el);
    }
    this.el.classList.add('cl-notice');
    this.text = h('span', { className: 'cl-notice__text' });
    // A labelled progress bar (its value is the percentage of all parts' bytes); the text and
    // the per-part list say the same in words.
    this.progress = h('progress', { className: 'cl-notice__progress', attrs: { max: '100', 'aria-label': messages.loadingLabel } });
    this.parts = h('ul', { className: 'cl-notice__parts', hidden: true });
    this.retry = h('button', { type: 'button', className: 'cl-button', text: messages.retry, hidden: true, onClick: () => this.onRetry() });
    this.el.replaceChildren(this.progress, this.text, this.retry, this.parts);
    this.onProgress = (e) => this.showProgress(e.detail);
    engineEvents.addEventListener('progress', this.onProgress);
  }

  loading() {
    this.el.hidden = false;
    this.el.dataset.state = 'loading';
    this.el.removeAttribute('role');
    this.progress.hidden = false;
    this.progress.removeAttribute('value'); // indeterminate until a size is known
    this.text.textContent = this.messages.loading;
    this.retry.hidden = true;
  }

  showProgress({ loaded, total, parts }) {
    if (this.el.dataset.state !== 'loading' || !total) return;
    const percent = Math.min(100, Math.round((loaded / total) * 100));
    this.progress.value = percent;
    if (!parts) {
      this.text.textContent = fmt(this.messages.loadingProgress, { percent });
      return;
    }
    const m = this.messages;
    const core = parts[0]?.done;
    const name = (p) => m.partNames[p.name] || p.name;
    // After the core the other parts download together: name every one still coming.
    const coming = parts.filter((p) => !p.done).map(name);
    this.text.textContent = core ? fmt(m.loadingMore, { parts: coming, part: coming[0] || '', percent }) : fmt(m.loadingProgress, { percent });
    this.parts.hidden = false;
    const items = parts.map((p) =>
      h('li', {
        className: 'cl-notice__part',
        attrs: { 'data-part': p.name, 'data-done': String(p.done) },
        text: fmt(p.done ? m.partDone : m.partProgress, { part: name(p), loaded: size(p.loaded), total: size(p.total) }),
      }),
    );
    this.parts.replaceChildren(...items);
  }

  ready() {
    this.el.dataset.state = 'ready';
    this.el.hidden = true;
    this.parts.hidden = true;
  }

  /** `onRetry` replaces the retry action (a part that failed after the core: reload). */
  failed(error, onRetry) {
    if (onRetry) this.onRetry = onRetry;
    this.parts.hidden = true;
    const m = this.messages;
    this.el.hidden = false;
    this.el.dataset.state = 'error';
    this.el.dataset.errorCode = error?.code || 'UNKNOWN';
    this.el.setAttribute('role', 'alert');
    this.progress.hidden = true;
    const partError = error?.part && m.partErrors?.[error.code];
    this.text.textContent = partError
      ? fmt(partError, { part: m.partNames?.[error.part] || error.part })
      : m.errors[error?.code] || `${m.loadFailed} ${m.errors.UNKNOWN}`;
    // A page policy that forbids wasm does not change on a retry.
    this.retry.hidden = error?.code === 'CSP';
  }

  /** A submit is held until the code sets are ready. */
  waiting() {
    if (this.el.dataset.state !== 'loading') return;
    this.el.setAttribute('role', 'status');
    this.text.textContent = this.messages.submitWaiting;
  }

  /**
   * The service worker stored newer code sets, or (`update.shell`) a newer build of the page
   * itself: offer them (they are used from the next load).
   */
  updateReady(update = {}) {
    const m = this.messages;
    this.el.hidden = false;
    this.el.dataset.state = 'update';
    this.el.setAttribute('role', 'status');
    this.progress.hidden = true;
    this.text.textContent = update.shell ? m.shellUpdateReady : m.updateReady;
    this.retry.hidden = false;
    this.retry.textContent = update.shell ? m.shellUpdateReload : m.updateReload;
    this.onRetry = () => location.reload();
  }
}

/** Bytes in human units: "640 KB" below a megabyte, else "8.1 MB". */
export function size(bytes) {
  const n = Math.max(0, Number(bytes) || 0);
  return n < 1024 * 1024 ? `${Math.round(n / 1024).toLocaleString('en-US')} KB` : `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
