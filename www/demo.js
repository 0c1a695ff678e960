// Charge-entry demo page: attaches claimlint to the claim form and adds the
// page's own bits (example data, total charge, outcome line, side panel).
import { attach } from './claimlint.js';

const $ = (sel) => document.querySelector(sel);
const mode = new URLSearchParams(location.search).get('mode') === 'exam' ? 'exam' : 'practice';

// The code sets come in parts, each checked against its SHA-256 in pkg/parts/parts.json.
// ?data=blob loads the single whole blob instead (the benchmark's baseline), checked against
// the sha-256 the build writes beside it.
const whole = new URLSearchParams(location.search).get('data') === 'blob';
const integrity = () => fetch('../pkg/codesets.blob.sha256').then((r) => (r.ok ? r.text() : ''), () => '');

const handle = attach(document, { mode, serviceWorker: 'sw.js', ...(whole ? { parts: false, integrity } : {}) });
const { claims } = handle;

if (mode === 'exam') {
  $('#mode-text').textContent = 'Exam: only the verdict is shown — no descriptions, lists or fixes.';
  $('#mode-link').textContent = 'Switch to practice mode';
  $('#mode-link').href = 'index.html';
}

handle.ready.then((engine) => {
  if (!engine) return;
  $('#load-time').textContent = `${Math.round(engine.stats.loadMs)} ms (${(engine.stats.bytes / 1048576).toFixed(1)} MB of code sets)`;
  showDateUsed();
});
// Line 1's date of service starts at today's date (data-claimlint-default="today"): codes
// are checked against the code sets in force today, never a silently substituted date.
showDateUsed();

function showDateUsed() {
  const dates = [...document.querySelectorAll('[data-claimlint-line] [data-claimlint="date"]')].map((i) => i.value).filter(Boolean).sort();
  $('#dos-used').textContent = dates[0] ? `${dates[0]} (earliest service line)` : 'today';
}
document.addEventListener('change', (e) => {
  if (e.target.matches?.('[data-claimlint="date"]')) showDateUsed();
});

if ('serviceWorker' in navigator) {
  $('#offline-state').textContent = 'Preparing…';
  navigator.serviceWorker.ready.then(
    () => ($('#offline-state').textContent = 'Ready — works without a connection'),
    () => ($('#offline-state').textContent = 'Not available'),
  );
} else {
  $('#offline-state').textContent = 'Not supported by this browser';
}

// Total charge (item 28), kept in cents to avoid float drift.
function updateTotal() {
  const cents = [...document.querySelectorAll('.charge')].reduce((sum, el) => {
    const n = Number(el.value.replace(/[$,\s]/g, ''));
    return sum + (Number.isFinite(n) ? Math.round(n * 100) : 0);
  }, 0);
  $('#total').value = `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
document.addEventListener('input', (e) => {
  if (e.target.classList?.contains('charge')) updateTotal();
});

// Sets a value as if typed, so every listener (and the claim summary) sees it.
function setValue(el, value) {
  const target = el.tagName === 'CLAIMLINT-FIELD' ? el.input : el;
  target.value = value;
  target.dispatchEvent(new Event('input', { bubbles: true }));
  target.dispatchEvent(new Event('change', { bubbles: true }));
}

const EXAMPLE = {
  '#pt-sex': 'F',
  '#pt-dob': '1958-04-12',
  '#dx-a': 'J15.9',
  '#dx-b': 'K35.2',
  '#dx-c': 'T36.01A',
  '#l1-pos': '11',
  '#l1-code': '99214',
  '#l1-mod1': '25',
  '#l1-ptr': 'A',
  '#l1-units': '1',
  '#l1-charge': '145.00',
  '#l2-pos': '11',
  '#l2-code': '71046',
  '#l2-ptr': 'AD',
  '#l2-units': '1',
  '#l2-charge': '62.50',
};

$('#example').addEventListener('click', () => {
  const date = $('#l1-date').value;
  for (const [sel, value] of Object.entries(EXAMPLE)) setValue($(sel), value);
  if (date) setValue($('#l2-date'), date);
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
