// Keystroke → rendered state on the charge-entry demo, in headless Chromium at 1366×900.
//
// For every key typed (real key events through the browser's input pipeline), the page
// records, from the keydown event's timestamp:
//   - handled: until the input event has passed every handler of the widget (check, DOM
//     update) plus the style and layout it causes, i.e. the state is rendered, ready to paint;
//   - frame: the next animation frame after that key, i.e. when it can first be on screen.
// The second includes waiting for the display's frame slot (up to 16.7 ms at 60 Hz) even
// with no work at all, so the target (≤ 16 ms p95) is judged on "handled".
// Run once at normal speed and once with CPU ×4 slow-down (a slower machine).
import { DOS } from '../tests/browser/helpers.mjs';

// Codes and searches a coder types, across every field kind on a claim line.
const TYPED = [
  ['#dx-a-input', 'J15.9'],
  ['#dx-b-input', 'S72.001A'],
  ['#dx-c-input', 'T36.01A'],
  ['#dx-d-input', 'K35.2'],
  ['#dx-e-input', 'pneumonia'],
  ['#dx-f-input', 'DM2 w CKD'],
  ['#l1-pos', '11'],
  ['#l1-code', '99214'],
  ['#l1-mod1', '25'],
  ['#l1-ptr', 'ABC'],
  ['#l1-units', '2'],
  ['#l2-code', '71046'],
  ['#l2-mod1', 'rt'],
];

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))];
  return { n: s.length, p50: q(0.5), p95: q(0.95), max: s.at(-1) };
}

async function install(page) {
  await page.evaluate(() => {
    window.__keys = [];
    let t0 = 0;
    // The key's own timestamp, before any page code runs.
    document.addEventListener('keydown', (e) => (t0 = e.timeStamp), true);
    // Bubbling to the document: every handler of the field has run. Force style and layout,
    // so the new state is rendered and only painting is left; then wait for the next frame.
    document.addEventListener('input', () => {
      if (!t0) return;
      void document.body.offsetHeight;
      const handled = performance.now() - t0;
      const start = t0;
      t0 = 0;
      const field = document.activeElement?.id || '';
      requestAnimationFrame(() => window.__keys.push({ field, handled, frame: performance.now() - start }));
    });
  });
}

async function run(page, rounds) {
  await page.evaluate(() => (window.__keys = []));
  for (let r = 0; r < rounds; r++) {
    for (const [sel, text] of TYPED) {
      await page.click(sel);
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      // A typist's pace: the next key comes after the previous one has been drawn.
      await page.keyboard.type(text, { delay: 40 });
    }
  }
  await page.waitForTimeout(200);
  const keys = await page.evaluate(() => window.__keys);
  if (process.env.CLAIMLINT_KEYS_DETAIL) console.error(keys.map((k) => `${k.field} ${k.handled.toFixed(1)}`).join('\n'));
  return { handledMs: stats(keys.map((k) => k.handled)), frameMs: stats(keys.map((k) => k.frame)) };
}

/** Keystroke figures at normal speed and under CPU ×4 slow-down. */
export async function keystrokeBench(browser, url, { smoke = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('html[data-claimlint-ready="true"]', { timeout: 60_000 });
  await page.fill('#l1-date', DOS);
  await page.dispatchEvent('#l1-date', 'change');
  await install(page);
  const rounds = smoke ? 1 : 5;
  const normal = await run(page, rounds);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const slow = await run(page, smoke ? 1 : 2);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await context.close();
  return { normal, cpu4: slow, viewport: '1366×900' };
}
