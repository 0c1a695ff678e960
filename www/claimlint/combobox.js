// WAI-ARIA 1.2 combobox with a listbox popup on an existing text input.
// Focus stays in the input; the highlighted option is exposed through
// aria-activedescendant. Keys: ArrowDown/ArrowUp move (and open), Enter picks,
// Escape closes, Home/End jump once an option is highlighted, Tab leaves.
import { h, uid } from './dom.js';

export class Combobox {
  /**
   * @param {HTMLInputElement} input
   * @param {{label: string, messages: object, onSelect: (item) => void}} opts
   */
  constructor(input, { label, messages, onSelect }) {
    this.input = input;
    this.messages = messages;
    this.onSelect = onSelect;
    this.items = [];
    this.active = -1;
    this.listbox = h('ul', {
      className: 'cl-listbox',
      hidden: true,
      attrs: { role: 'listbox', id: uid('listbox'), 'aria-label': label },
    });
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', this.listbox.id);
    input.setAttribute('autocomplete', 'off');

    input.addEventListener('keydown', (e) => this.onKeyDown(e));
    input.addEventListener('blur', () => this.close());
    // mousedown would move focus out of the input and close the popup first.
    this.listbox.addEventListener('mousedown', (e) => e.preventDefault());
    this.listbox.addEventListener('click', (e) => {
      const li = e.target.closest('[role="option"]');
      if (li) this.pick(Number(li.dataset.index));
    });
  }

  /** Turns the input back into a plain text box (exam mode chosen after upgrade). */
  destroy() {
    this.destroyed = true;
    this.items = [];
    this.listbox.remove();
    for (const a of ['role', 'aria-autocomplete', 'aria-expanded', 'aria-controls', 'aria-activedescendant']) this.input.removeAttribute(a);
  }

  get isOpen() {
    return !this.listbox.hidden;
  }

  /** Replaces the options; opens the popup when there are some and the input has focus. */
  setItems(items) {
    this.items = items || [];
    this.active = -1;
    this.input.removeAttribute('aria-activedescendant');
    this.listbox.replaceChildren(...this.items.map((item, i) => this.renderOption(item, i)));
    if (this.items.length && document.activeElement === this.input) this.open();
    else if (!this.items.length) this.close();
  }

  renderOption(item, i) {
    // Only code sets have billability; places of service do not.
    const tag = typeof item.billable !== 'boolean' ? null : item.billable ? this.messages.billableTag : this.messages.notBillable;
    return h(
      'li',
      {
        className: item.billable === false ? 'cl-option cl-option--header' : 'cl-option',
        attrs: { role: 'option', id: `${this.listbox.id}-${i}`, 'aria-selected': 'false', 'data-index': i, 'data-code': item.code },
      },
      h('span', { className: 'cl-option__code', text: item.code }),
      h('span', { className: 'cl-option__desc', text: item.description || '' }),
      tag ? h('span', { className: 'cl-option__tag', text: tag }) : null,
    );
  }

  open() {
    if (!this.items.length) return;
    this.listbox.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    // Near the right edge, open leftwards so the list stays on screen.
    this.listbox.classList.remove('cl-listbox--end');
    if (this.listbox.getBoundingClientRect().right > document.documentElement.clientWidth - 8) {
      this.listbox.classList.add('cl-listbox--end');
    }
  }

  close() {
    if (this.destroyed) return;
    this.listbox.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.highlight(-1);
  }

  highlight(i) {
    const prev = this.listbox.children[this.active];
    if (prev) {
      prev.setAttribute('aria-selected', 'false');
      prev.classList.remove('cl-option--active');
    }
    this.active = i;
    const next = this.listbox.children[i];
    if (next) {
      next.setAttribute('aria-selected', 'true');
      next.classList.add('cl-option--active');
      this.input.setAttribute('aria-activedescendant', next.id);
      next.scrollIntoView({ block: 'nearest' });
    } else {
      this.input.removeAttribute('aria-activedescendant');
    }
  }

  pick(i) {
    const item = this.items[i];
    if (!item) return;
    this.close();
    this.onSelect(item);
  }

  onKeyDown(e) {
    const n = this.items.length;
    if (!n) return;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!this.isOpen) {
          this.open();
          if (!e.altKey) this.highlight(0);
        } else {
          this.highlight((this.active + 1) % n);
        }
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!this.isOpen) this.open();
        this.highlight(this.active <= 0 ? n - 1 : this.active - 1);
        break;
      case 'Enter':
        // Only swallow Enter when it picks something; otherwise the form submits as usual.
        if (this.isOpen && this.active >= 0) {
          e.preventDefault();
          this.pick(this.active);
        }
        break;
      case 'Escape':
        if (this.isOpen) {
          e.preventDefault();
          this.close();
        }
        break;
      case 'Home':
      case 'End':
        // With no highlighted option these keys keep moving the text caret.
        if (this.isOpen && this.active >= 0) {
          e.preventDefault();
          this.highlight(e.key === 'Home' ? 0 : n - 1);
        }
        break;
      case 'Tab':
        this.close();
        break;
      default:
        break;
    }
  }
}
