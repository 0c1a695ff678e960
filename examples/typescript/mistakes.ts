// Mistakes the types must catch: each line below is a type error. If the declarations ever
// fall back to `any`, tsc reports the `@ts-expect-error` as unused and the check fails.
import { Validator } from 'claimlint';

export function mistakes(v: Validator): unknown[] {
  const c = v.checkCode('icd10cm', 'J15.9');
  return [
    // @ts-expect-error: the field is `state`, not `status`
    c.status,
    // @ts-expect-error: not a code system
    v.checkCode('snomed', '233604007'),
    // @ts-expect-error: `on` is a YYYY-MM-DD string
    v.checkCode('icd10cm', 'J15.9', { on: new Date() }),
    // @ts-expect-error: a claim result has `inputErrors`, not `errors`
    v.checkClaim({ diagnoses: [] }).errors,
    // @ts-expect-error: checkPair needs the date of service
    v.checkPair('29881', '29877', {}),
    // @ts-expect-error: severity is 'error' | 'warning' | 'info'
    (c.findings ?? []).filter((f) => f.severity === 'fatal'),
  ];
}
