// Outpatient facility demo page: a UB-04 / 837I hospital outpatient claim (claimType
// "outpatient", set on the container) with bill type, statement period, revenue codes and
// non-covered charges, checked against the I/OCE tables of the claim's quarter.
import { attach } from './claimlint.js';
import { setValue, showLoadTime, showOfflineState, wireButtons, wireTotal } from './demo-page.js';

// The page's engine, for tests and benchmarks that import this (bundled) module.
export { readyEngine } from './claimlint.js';

const $ = (sel) => document.querySelector(sel);
// The code sets come in parts, each checked against its SHA-256 in pkg/parts/parts.json (docs/parts.md).
// The engine went first: www/boot.js started it and runs this module once it is in.
// The facility module (claimlint-facility.js): the core module has no outpatient editor.
const handle = attach(document, { serviceWorker: 'sw.js', engine: 'facility' });
handle.ready.then(showLoadTime);
showOfflineState();

// The statement period starts as line 1's date (today's): the I/OCE quarter follows it.
const today = $('#l1-date').value;
if (today) {
  setValue($('#stmt-from'), today);
  setValue($('#stmt-through'), today);
}

// An emergency visit for chest pain: the visit, a chest X-ray, an ECG, a metabolic panel and
// pharmacy billed by revenue code alone.
const EXAMPLE = {
  '#bill-type': '0131',
  '#pt-sex': 'M',
  '#pt-dob': '1961-09-02',
  '#dx-0': 'R07.9',
  '#dx-1': 'I10',
  '#rfv-a': 'R07.9',
  '#l1-rev': '0450',
  '#l1-code': '99284',
  '#l1-mod1': '25',
  '#l1-units': '1',
  '#l1-charge': '850.00',
  '#l2-rev': '0324',
  '#l2-code': '71046',
  '#l2-units': '1',
  '#l2-charge': '220.00',
  '#l3-rev': '0730',
  '#l3-code': '93005',
  '#l3-units': '1',
  '#l3-charge': '140.00',
  '#l4-rev': '0301',
  '#l4-code': '80053',
  '#l4-units': '1',
  '#l4-charge': '95.00',
  '#l5-rev': '0250',
  '#l5-units': '2',
  '#l5-charge': '18.40',
};
const updateTotal = wireTotal();
wireButtons(handle, EXAMPLE, { updateTotal, lineDates: ['#l2-date', '#l3-date', '#l4-date', '#l5-date'] });
