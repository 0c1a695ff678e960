// A TypeScript portal using claimlint: compiled with `tsc --strict` in CI against the
// packed npm package (scripts/package-test.sh), so the types are what a consumer gets.
import init, { Validator } from 'claimlint';
import type { ClaimResult, CodeCheck, CodeState, Finding, Severity, SearchHit } from 'claimlint';

export async function firstCheck(blob: Uint8Array): Promise<string[]> {
  await init();
  const v = new Validator(blob);
  const info = v.info();
  const lines: string[] = [`${info.systems.join(', ')} (built ${info.built})`];

  const c: CodeCheck = v.checkCode('icd10cm', 'T36.01A', { on: '2026-03-15' });
  const state: CodeState = c.state;
  const fixes = (c.findings ?? []).flatMap((f: Finding) => (f.suggestions ?? []).map((s) => s.code));
  lines.push(`${c.code}: ${state}${c.billable ? '' : ' (not billable)'}; use ${fixes.join(' or ')}`);

  const claim: ClaimResult = v.checkClaim(
    {
      claimType: 'professional',
      patient: { sex: 'F', dateOfBirth: '1961-07-04' },
      diagnoses: [{ code: 'J44.1' }],
      lines: [{ dateFrom: '2026-04-15', pos: '11', code: '99213', units: 1, pointers: ['A'], charge: 90 }],
    },
    { today: '2026-05-01' },
  );
  const worst: Severity | undefined = [...claim.findings, ...claim.inputErrors]
    .map((f) => f.severity)
    .sort((a, b) => rank(b) - rank(a))[0];
  lines.push(`claim: ${claim.findings.length} finding(s), worst ${worst ?? 'none'}`);

  const hits: SearchHit[] = v.search('bacterial pneumonia', { systems: ['icd10cm'], limit: 3 });
  lines.push(...hits.map((h) => `${h.code} ${h.description} [${h.spans.map(([a, b]) => h.description.slice(a, b)).join('|')}]`));

  const line = v.checkLine({ code: '20610', modifiers: ['RT'], units: 2, dateOfService: '2026-04-15', claimType: 'professional' });
  lines.push(`20610: MUE ${line.mue?.value ?? 'none'}, ${line.findings.length} finding(s)`);
  const pair = v.checkPair('29881', '29877', { on: '2024-08-01', modsB: ['59'] });
  lines.push(`29881+29877: ${pair.map((f) => f.rule).join(', ') || 'no edit'}`);
  const d = v.describe('icd10cm', 'S72.001A');
  if (d) lines.push(`${d.code}: ${d.description ?? ''} (${d.notes.length} notes)`);
  return lines;
}

function rank(s: Severity): number {
  return s === 'error' ? 2 : s === 'warning' ? 1 : 0;
}

// The facility build (`claimlint/facility`): the same typed interface, with the outpatient
// facility editor (the I/OCE edits); the widget picks it with `engine: 'facility'`.
import initFacility, { Validator as FacilityValidator } from 'claimlint/facility';
import { attach, type EngineName } from 'claimlint/widget';

export async function outpatientRules(blob: Uint8Array): Promise<string[]> {
  await initFacility();
  const v = new FacilityValidator(blob);
  const result: ClaimResult = v.checkClaim({
    claimType: 'outpatient',
    patient: { sex: 'M', dateOfBirth: '1961-09-02' },
    diagnoses: [{ code: 'R07.9' }],
    lines: [{ dateFrom: '2026-04-15', code: '99284', units: 1, charge: 850 }],
  });
  return result.findings.map((f: Finding) => f.rule);
}

export function facilityPage(): void {
  const engine: EngineName = 'facility';
  attach(document, { engine, serviceWorker: 'sw.js' });
}
