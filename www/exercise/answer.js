// Reads the learner's answer from the form as the grader expects it:
// { principal, otherDiagnoses: [...], procedures: [{code, modifiers, units}] }.

const value = (el) => (el?.value || '').trim();

export function readAnswer(form) {
  const principal = value(form.querySelector('#dx-1'));
  const otherDiagnoses = [...form.querySelectorAll('.ex-dx:not(.ex-dx--principal) input')].map(value).filter(Boolean);
  const procedures = [];
  for (const line of form.querySelectorAll('[data-ex-line]')) {
    const code = value(line.querySelector('[data-ex="code"]'));
    if (!code) continue;
    const modifiers = [...line.querySelectorAll('[data-ex="mod"]')].map(value).filter(Boolean);
    const units = Number.parseInt(value(line.querySelector('[data-ex="units"]')), 10);
    procedures.push(Number.isFinite(units) && units > 0 ? { code, modifiers, units } : { code, modifiers });
  }
  return principal ? { principal, otherDiagnoses, procedures } : { otherDiagnoses, procedures };
}
