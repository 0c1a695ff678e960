// Data currency for the data panel: which loaded tables have ended or end soon,
// and which the date of service is past. Pure functions over the engine's tables
// ({id, label, kind, validFrom, validTo, currentThrough}, dates YYYY-MM-DD).

export const ENDING_SOON_DAYS = 30;

/** Days from a to b (both YYYY-MM-DD), negative when b is earlier. */
export function daysBetween(a, b) {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** One entry per table id: its latest end date (a code set has one vintage per year). */
export function newestById(tables) {
  const by = new Map();
  for (const t of tables || []) {
    if (!t?.validTo) continue;
    const key = t.id || t.label;
    const seen = by.get(key);
    if (!seen || seen.validTo < t.validTo) by.set(key, t);
  }
  return [...by.values()];
}

/**
 * At most three notices, most urgent first, each naming its tables:
 * {kind: 'past-service' | 'ended' | 'ending', message, ids[], tables: "A (2026-06-30), B (…)", on}.
 * `message` names the entry in the messages table.
 */
export function tableNotices(tables, { today, on }) {
  const groups = { 'past-service': [], ended: [], ending: [] };
  for (const t of newestById(tables)) {
    // Past the date of service says more than "ended": a table is named once.
    if (on && on > t.validTo) {
      groups['past-service'].push(t);
      continue;
    }
    if (!today) continue;
    const days = daysBetween(today, t.validTo);
    if (days < 0) groups.ended.push(t);
    else if (days <= ENDING_SOON_DAYS) groups.ending.push(t);
  }
  const message = { 'past-service': 'tablePastService', ended: 'tableEnded', ending: 'tableEnding' };
  return Object.entries(groups)
    .filter(([, list]) => list.length)
    .map(([kind, list]) => ({
      kind,
      message: message[kind],
      ids: list.map((t) => t.id),
      tables: list.map((t) => `${t.label || t.id} (${t.validTo})`).join(', '),
      edits: list.some((t) => t.kind !== 'code-set'),
      codeSets: list.some((t) => t.kind === 'code-set'),
      on,
    }));
}
