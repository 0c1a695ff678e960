// The plain-JavaScript baseline: the same codes and descriptions as JSON, parsed into a Map,
// with the same normalisation and billable/header decision the engine makes for a code.
export function plainValidator(jsonText) {
  const raw = JSON.parse(jsonText);
  const map = new Map(Object.entries(raw));
  return {
    check(input) {
      const code = input.toUpperCase().replace(/[^0-9A-Z]/g, '');
      const hit = map.get(code);
      if (!hit) return { state: 'unknown', code };
      return { state: hit[0] ? 'billable' : 'header', code, description: hit[1] };
    },
  };
}
