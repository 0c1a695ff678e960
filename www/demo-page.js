// What the demo pages share: setting a field as if typed, the total-charge output,
// the offline state line, the load-time line and the example/clear buttons.
import { MESSAGES, engineEvents, readyEngine } from './claimlint.js';

const $ = (sel) => document.querySelector(sel);

/** Sets a value as if typed, so every listener (and the claim summary) sees it. */
export function setValue(el, value) {
  const target = el.tagName === 'CLAIMLINT-FIELD' ? el.input : el;
  target.value = value;
  target.dispatchEvent(new Event('input', { bubbles: true }));
  target.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Keeps #total as the sum of every `.charge` input, in cents to avoid float drift. */
export function wireTotal() {
  const update = () => {
    const cents = [...document.querySelectorAll('.charge')].reduce((sum, el) => {
      const n = Number(el.value.replace(/[$,\s]/g, ''));
      return sum + (Number.isFinite(n) ? Math.round(n * 100) : 0);
    }, 0);
    $('#total').value = `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  };
  document.addEventListener('input', (e) => {
    if (e.target.classList?.contains('charge')) update();
  });
  return update;
}

/** Says in #offline-state whether the page works without a connection. */
export function showOfflineState() {
  if ('serviceWorker' in navigator) {
    $('#offline-state').textContent = 'Preparing…';
    // Offline, a page whose engine this device never stored cannot work: say that instead. When
    // only a part after the core is missing, codes are checked: say which part is not there.
    let notStored = false;
    const failed = ({ error, partial } = {}) => {
      if (error?.code !== 'OFFLINE') return;
      notStored = true;
      $('#offline-state').textContent =
        partial && error.part
          ? `Works offline, except the ${MESSAGES.partNames[error.part] || error.part}: not on this device yet — open this page once while online`
          : 'Not on this device yet — open this page once while online';
    };
    engineEvents.addEventListener('error', (e) => failed(e.detail));
    // A part may have failed before this page's code ran (the engine starts first).
    if (readyEngine()?.partsFailed) failed({ error: readyEngine().partsFailed, partial: true });
    navigator.serviceWorker.ready.then(
      () => notStored || ($('#offline-state').textContent = 'Ready — works without a connection'),
      () => ($('#offline-state').textContent = 'Not available'),
    );
  } else {
    $('#offline-state').textContent = 'Not supported by this browser';
  }
}

/** Shows how long the engine took to open in #load-time. */
export function showLoadTime(engine) {
  if (!engine) return;
  $('#load-time').textContent = `${Math.round(engine.stats.loadMs)} ms (${(engine.stats.bytes / 1048576).toFixed(1)} MB of code sets)`;
}

/**
 * Wires #example (fills `example`, a selector → value map; line 1's date is kept and copied to
 * the other lines the example fills), #clear and the form's submit.
 */
export function wireButtons(handle, example, { updateTotal, lineDates = [] }) {
  const { claims } = handle;
  $('#example').addEventListener('click', () => {
    const date = $('#l1-date').value;
    for (const [sel, value] of Object.entries(example)) setValue($(sel), value);
    if (date) for (const sel of lineDates) setValue($(sel), date);
    for (const f of handle.fields) f.commit();
    updateTotal();
    $('#outcome').textContent = '';
  });
  $('#clear').addEventListener('click', () => {
    const date = $('#l1-date').value;
    $('#claim').reset();
    for (const el of document.querySelectorAll('claimlint-field')) el.value = '';
    if (date) setValue($('#l1-date'), date);
    for (const f of handle.fields) f.refresh();
    for (const c of claims) c.update();
    updateTotal();
    $('#outcome').textContent = '';
  });
  // claimlint stops a submit with problems; a clean claim lands here.
  $('#claim').addEventListener('submit', (e) => {
    e.preventDefault();
    $('#outcome').textContent = 'No problems found. (Demo: the claim is not sent anywhere.)';
  });
}
