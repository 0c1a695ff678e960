// axe-core for the browser tests: WCAG 2.x A/AA and best-practice rules on a page's
// current state. The page's context needs bypassCSP, because axe is injected as a script
// the pages' CSP would otherwise refuse.
import { createRequire } from 'node:module';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** The violations of the given impacts (all by default), as readable lines. */
export async function axeViolations(page, impacts = ['minor', 'moderate', 'serious', 'critical']) {
  await page.addScriptTag({ path: AXE });
  const { violations, passes } = await page.evaluate((values) => window.axe.run(document, { runOnly: { type: 'tag', values } }), TAGS);
  if (passes.length <= 15) throw new Error(`axe did not really run (${passes.length} rules passed)`);
  return violations
    .filter((v) => impacts.includes(v.impact))
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}
