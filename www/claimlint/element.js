// <claimlint-field system="icd10cm" name="dx1" required>: a form-associated
// custom element. Its value is submitted with the form, and ElementInternals
// setValidity makes the form's native validation (checkValidity, :invalid,
// the submit block) see the same verdict the field shows.
//
// Light DOM on purpose: labels, aria-describedby and the page's stylesheet all
// work across it without shadow-root plumbing.
import { h, ensureId, addIdRef } from './dom.js';
import { Field } from './field.js';
import { lazyContext, contextFor } from './context.js';

export const fields = new WeakMap(); // element -> Field

export class ClaimlintFieldElement extends HTMLElement {
  static formAssociated = true;
  static observedAttributes = ['disabled', 'placeholder', 'required'];

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  connectedCallback() {
    if (this.field) return;
    const input = h('input', {
      type: 'text',
      className: 'cl-input',
      attrs: { autocomplete: 'off', spellcheck: 'false', autocapitalize: 'characters', placeholder: this.getAttribute('placeholder') },
    });
    input.value = this.getAttribute('value') || '';
    for (const a of ['aria-label', 'data-claimlint-path', 'data-claimlint-label', 'inputmode', 'maxlength']) {
      if (this.hasAttribute(a)) input.setAttribute(a, this.getAttribute(a));
    }
    if (this.hasAttribute('input-id')) input.id = this.getAttribute('input-id');
    this.append(input);
    this.input = input;
    this.field = new Field(input, this.system, lazyContext(this), {
      setValidity: (message, anchor) => this.updateValidity(message, anchor),
    });
    fields.set(this, this.field);
    input.addEventListener('input', () => this.internals.setFormValue(input.value));
    this.internals.setFormValue(input.value);
    this.linkLabels();
    this.attributeChangedCallback();
    if (input.value) this.field.check();
    else this.updateValidity('', input);
  }

  // <label for="this-element"> names the element, not the inner input: point
  // the input's aria-labelledby at those labels and forward their clicks.
  linkLabels() {
    for (const label of this.internals.labels || []) {
      addIdRef(this.input, 'aria-labelledby', ensureId(label, 'label'));
      label.addEventListener('click', () => this.input.focus());
    }
  }

  attributeChangedCallback() {
    if (!this.input) return;
    this.input.disabled = this.hasAttribute('disabled');
    this.input.required = this.hasAttribute('required');
    if (this.hasAttribute('placeholder')) this.input.placeholder = this.getAttribute('placeholder');
  }

  updateValidity(message, anchor) {
    const ctx = contextFor(this);
    if (message) this.internals.setValidity({ customError: true }, message, anchor);
    else if (this.hasAttribute('required') && !this.input.value.trim()) {
      this.internals.setValidity({ valueMissing: true }, ctx.messages.required, anchor);
    } else this.internals.setValidity({});
  }

  get system() {
    return this.getAttribute('system') || 'icd10cm';
  }
  get value() {
    return this.input ? this.input.value : this.getAttribute('value') || '';
  }
  set value(v) {
    if (!this.input) return this.setAttribute('value', v);
    this.input.value = v;
    this.internals.setFormValue(v);
    this.field.check();
    this.field.commit();
  }
  get name() {
    return this.getAttribute('name');
  }
  get form() {
    return this.internals.form;
  }
  get validity() {
    return this.internals.validity;
  }
  get validationMessage() {
    return this.internals.validationMessage;
  }
  get willValidate() {
    return this.internals.willValidate;
  }
  checkValidity() {
    return this.internals.checkValidity();
  }
  reportValidity() {
    return this.internals.reportValidity();
  }
  focus(opts) {
    this.input?.focus(opts);
  }

  formResetCallback() {
    this.value = this.getAttribute('value') || '';
  }
  formDisabledCallback(disabled) {
    if (this.input) this.input.disabled = disabled;
  }
  formStateRestoreCallback(state) {
    if (typeof state === 'string') this.value = state;
  }
}

export function defineElement(name = 'claimlint-field') {
  if (!customElements.get(name)) customElements.define(name, ClaimlintFieldElement);
}
