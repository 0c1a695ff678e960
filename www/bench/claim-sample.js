// A realistic professional claim at the form's limits: 12 diagnoses, 50 service lines.
export function sampleClaim() {
  const diagnoses = ['J18.9', 'I10', 'E11.9', 'E78.5', 'N18.30', 'I50.9', 'J44.1', 'K21.9', 'M54.50', 'R07.9', 'Z79.4', 'F41.9']
    .map((code) => ({ code }));
  const procedures = ['99214', '71046', '93000', '85025', '80053', '36415', '83036', '81003', '94640', 'J1100'];
  const lines = [];
  for (let i = 0; i < 50; i++) {
    lines.push({
      dateFrom: '2026-04-15',
      pos: '11',
      code: procedures[i % procedures.length],
      modifiers: i % 7 === 0 ? ['25'] : [],
      units: 1,
      pointers: ['A', 'B'],
      charge: 100 + i,
    });
  }
  return { claimType: 'professional', patient: { sex: 'F', dateOfBirth: '1958-04-12' }, diagnoses, lines };
}
