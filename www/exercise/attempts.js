// Remembers exam attempts on this device (localStorage), so a page reload does not
// offer a fresh attempt. The engine counts attempts too; neither count is a server's.

const storageKey = (ex) => `claimlint-exam:${ex.id}:${ex.sealed?.salt || 'plain'}`;

/** { used, result } for this exam on this device. */
export function examRecord(ex) {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey(ex)) || 'null');
    if (saved && Number.isInteger(saved.used)) return saved;
  } catch {
    // Storage blocked or damaged: count from zero (the engine still counts).
  }
  return { used: 0, result: null };
}

export function saveExamRecord(ex, record) {
  try {
    localStorage.setItem(storageKey(ex), JSON.stringify(record));
  } catch {
    // Storage blocked: the engine's count still holds for this page.
  }
}
