// The engine API from the installed package, with the data taken from the separately
// versioned claimlint-data package: a site updates that one each quarter.
import init, { Validator } from './node_modules/claimlint/pkg/claimlint.js';

const data = new URL('./node_modules/claimlint-data/', import.meta.url);
const [, meta, bytes] = await Promise.all([
  init(),
  fetch(new URL('data.json', data)).then((r) => r.json()),
  fetch(new URL('codesets.blob', data)).then((r) => r.arrayBuffer()),
]);
const v = new Validator(new Uint8Array(bytes));
document.querySelector('#data-version').textContent = meta.dataVersion;

const c = v.checkCode('icd10cm', 'T36.01A', { on: '2026-03-15' });
const fix = c.findings?.[0]?.suggestions?.[0]?.code ?? 'none';
document.querySelector('#code-result').textContent = `${c.state}; use ${fix}`;

const r = v.checkClaim(
  { claimType: 'professional', patient: { sex: 'F', dateOfBirth: '1961-07-04' }, diagnoses: [{ code: 'J44.1' }],
    lines: [{ dateFrom: '2026-04-15', pos: '11', code: '99213', units: 1, pointers: ['A'], charge: 90 }] },
  { today: '2026-05-01' },
);
document.querySelector('#claim-result').textContent = `${r.findings.length} finding(s), ${r.inputErrors.length} input error(s)`;
document.documentElement.dataset.exampleReady = 'true';
