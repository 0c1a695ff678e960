// The engine's loading line for one attach() root: progress while the code
// sets download, a plain error with a "Try again" button when they fail
// (network, partial download, checksum), nothing once they are ready.
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
    this.progress = h('progress', { className: 'cl-notice__progress', attrs: { max: '100', 'aria-hidden': 'true' } });
    this.retry = h('button', { type: 'button', className: 'cl-button', text: messages.retry, hidden: true, onClick: () => this.onRetry() });
    this.el.replaceChildren(this.progress, this.text, this.retry);
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

  showProgress({ loaded, total }) {
    if (this.el.dataset.state !== 'loading' || !total) return;
    const percent = Math.min(100, Math.round((loaded / total) * 100));
    this.progress.value = percent;
    this.text.textContent = fmt(this.messages.loadingProgress, { percent });
  }

  ready() {
    this.el.dataset.state = 'ready';
    this.el.hidden = true;
  }

  failed(error) {
    const m = this.messages;
    this.el.hidden = false;
    this.el.dataset.state = 'error';
    this.el.dataset.errorCode = error?.code || 'UNKNOWN';
    this.el.setAttribute('role', 'alert');
    this.progress.hidden = true;
    this.text.textContent = m.errors[error?.code] || `${m.loadFailed} ${m.errors.UNKNOWN}`;
    // A page policy that forbids wasm does not change on a retry.
    this.retry.hidden = error?.code === 'CSP';
  }

  /** A submit is held until the code sets are ready. */
  waiting() {
    if (this.el.dataset.state !== 'loading') return;
    this.el.setAttribute('role', 'status');
    this.text.textContent = this.messages.submitWaiting;
  }

  /** The service worker stored newer code sets: offer them (they are used from the next load). */
  updateReady() {
    const m = this.messages;
    this.el.hidden = false;
    this.el.dataset.state = 'update';
    this.el.setAttribute('role', 'status');
    this.progress.hidden = true;
    this.text.textContent = m.updateReady;
    this.retry.hidden = false;
    this.retry.textContent = m.updateReload;
    this.onRetry = () => location.reload();
  }
}
