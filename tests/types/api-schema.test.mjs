// The TypeScript types are generated from src/rules/schemas/api.schema.json; this test keeps
// that schema honest. It calls every Validator method (wasm in Node, the built pkg/) on
// inputs that exercise each result shape and validates what comes back against the schema's
// definitions, with unknown fields refused: a field renamed in Rust fails here.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (p) => readFileSync(path.join(REPO, p));
const json = (p) => JSON.parse(read(p));
const DOS = '2026-03-15';

const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addSchema(json('src/rules/schemas/findings.schema.json'));
ajv.addSchema(json('src/rules/schemas/claim.schema.json'));
// api.schema.json reaches the exercise schema by its path in the repository.
ajv.addSchema({ ...json('src/grade/exercise.schema.json'), $id: 'https://claimlint.dev/grade/exercise.schema.json' });
const api = json('src/rules/schemas/api.schema.json');
ajv.addSchema(api);

function conforms(def, value) {
  const validate = ajv.getSchema(`${api.$id}#/$defs/${def}`);
  assert.ok(validate, `no definition ${def}`);
  assert.ok(validate(value), `${def}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(value).slice(0, 400)}`);
}

describe('real results conform to the API schema (and so to the generated types)', () => {
  let v;
  // The exercise module: the core module with the grader.
  let grader;
  before(async () => {
    const load = async (stem) => {
      const mod = await import(pathToFileURL(path.join(REPO, 'pkg', `${stem}.js`)).href);
      await mod.default({ module_or_path: read(`pkg/${stem}_bg.wasm`) });
      return new mod.Validator(read('pkg/codesets.blob'));
    };
    v = await load('claimlint');
    grader = await load('claimlint-exercise');
  });

  it('info, checkCode, describe, children', () => {
    conforms('BlobInfo', v.info());
    const inputs = {
      icd10cm: ['', 'J1', 'K35.2', 'J15.9', 'T36.01A', 'Z99.99', 'J1S.9', 'E11.A'],
      icd10pcs: ['0016070', '00160', 'ZZZZZZZ'],
      hcpcs: ['J1100', 'J11', 'A9999', '99213'],
      cpt: ['99213', '0001U', '9921'],
      modifier: ['LT', 'L', '25', 'QQ', '123'],
    };
    const states = new Set();
    for (const [system, codes] of Object.entries(inputs)) {
      for (const code of codes) {
        for (const on of [DOS, '2024-01-01', undefined]) {
          const c = v.checkCode(system, code, on ? { on } : undefined);
          conforms('CodeCheck', c);
          states.add(c.state);
        }
      }
    }
    // The inputs above reach every state but `inactive`, which needs a code deleted between editions.
    for (const s of ['empty', 'prefix', 'header', 'billable', 'invalid_format', 'unknown', 'no_data_for_date']) assert.ok(states.has(s), s);
    conforms('Description', v.describe('icd10cm', 'S72.001A', { on: DOS }));
    conforms('Description', v.describe('icd10cm', 'E11.9'));
    assert.equal(v.describe('icd10cm', 'Q99.99Z'), null);
    for (const c of v.children('icd10cm', 'K35', { on: DOS })) conforms('CodeSummary', c);
  });

  it('search, checkLine, checkLines, checkPair, checkPairs', () => {
    for (const q of ['bacterial pneumonia', 'k35.2', 'wheelchair', 'copd exac']) {
      for (const hit of v.search(q, { limit: 5 })) conforms('SearchHit', hit);
    }
    const lines = [
      { code: '20610', modifiers: ['RT'], units: 2, dateOfService: '2026-04-15', claimType: 'professional' },
      { code: '11102', units: 1, dateOfService: '2026-04-15' },
      { code: '11103', units: 9, dateOfService: '2026-04-15' },
      { code: 'E0114', modifiers: ['NU', 'XX'], dateOfService: '2026-04-15', claimType: 'dme' },
    ];
    const checked = lines.map((l) => v.checkLine(l));
    for (const lc of checked) conforms('LineCheck', lc);
    assert.ok(checked.some((lc) => lc.mue) && checked.some((lc) => lc.addOn), 'mue and addOn reached');
    for (const f of v.checkLines(lines)) conforms('Finding', f);
    for (const f of v.checkPair('29881', '29877', { on: '2024-08-01', modsB: ['59'] })) conforms('Finding', f);
    for (const f of v.checkPairs([{ code: '29881', on: '2024-08-01' }, { code: '29877', modifiers: ['59'], on: '2024-08-01' }], { claimType: 'outpatient' })) {
      conforms('Finding', f);
    }
  });

  it('checkClaim and grade', () => {
    const claims = [json('tests/fixtures/claim-every-section.json'), { diagnoses: [{ code: 5 }], unknown: true }, { claimType: 'professional', payer: 'example-payer', diagnoses: [{ code: 'N39.0' }] }];
    conforms('Claim', claims[0]);
    for (const c of claims) {
      conforms('ClaimResult', v.checkClaim(c, { today: '2026-05-01' }));
    }
    const plain = json('tests/exercises/copd-exam.plain.json');
    const answer = json('tests/exercises/pneumonia-answer.json');
    conforms('Answer', answer);
    conforms('GradeResult', grader.grade({ ...plain, mode: 'practice' }, answer));
    conforms('GradeResult', grader.grade(plain, answer));
    for (const f of readdirSync(path.join(REPO, 'www/exercise')).filter((f) => f.endsWith('.json') && f !== 'exercises.json')) {
      conforms('Exercise', json(`www/exercise/${f}`));
    }
  });
});
