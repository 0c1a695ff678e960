// Charge-entry demo page: attaches claimlint to the claim form and adds the
// page's own bits (example data, total charge, outcome line, side panel).
import { attach } from './claimlint.js';
import { showLoadTime, showOfflineState, wireButtons, wireTotal } from './demo-page.js';

// The page's engine, for tests and benchmarks that import this (bundled) module.
export { readyEngine } from './claimlint.js';

const $ = (sel) => document.querySelector(sel);
const mode = new URLSearchParams(location.search).get('mode') === 'exam' ? 'exam' : 'practice';

// The code sets come in parts, each checked against its SHA-256 in pkg/parts/parts.json.
// ?data=blob loads the single whole blob instead (the benchmark's baseline), checked against
// the sha-256 the build writes beside it.
const whole = new URLSearchParams(location.search).get('data') === 'blob';
const integrity = () => fetch('../pkg/codesets.blob.sha256').then((r) => (r.ok ? r.text() : ''), () => '');

// The engine went first: www/boot.js started it and runs this module once it is in (the
// whole-blob baseline starts with attach).
const handle = attach(document, { mode, serviceWorker: 'sw.js', ...(whole ? { parts: false, integrity } : {}) });

if (mode === 'exam') {
  $('#mode-text').textContent = 'Exam: only the verdict is shown — no descriptions, lists or fixes.';
  $('#mode-link').textContent = 'Switch to practice mode';
  $('#mode-link').href = 'index.html';
}

handle.ready.then((engine) => {
  showLoadTime(engine);
  if (engine) showDateUsed();
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

showOfflineState();

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

wireButtons(handle, EXAMPLE, { updateTotal: wireTotal(), lineDates: ['#l2-date'] });
