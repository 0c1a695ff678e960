// Traces a cached visit of the charge-entry demo (headless Chromium, as the load benchmark:
// a first visit stores everything, then a warm visit online at Slow 4G and one offline) and
// prints its timeline: the engine's marks, each request (start → end, who answered), and the
// main thread's longer tasks (script evaluation, compile, style/layout, paint), in ms from
// navigation start, and the main thread's own CPU time before the engine is ready (thread time:
// a loaded machine stretches the wall clock, not this). What the "warm → first check" rows of
// scripts/bench.sh --load consist of. The page's network is Slow 4G online; its service worker's
// is not throttled here (the benchmark throttles it too).
// Usage: node scripts/trace-warm.mjs [--page index.html] [--json OUT.json] [--raw PREFIX] [--visits N [--against DIR [--rounds R]]] [--warmup N]
//   --warmup N (default 2): untraced warm visits before each traced one, so the trace shows a visit
//   like the benchmark's later ones (the worker has the page's HTML and its last requests in memory).
//   --json writes the timelines; --raw writes each visit's trace events to PREFIX-online.json and
//   PREFIX-offline.json (for chrome://tracing or a script).
//   --visits N traces nothing: N warm visits online, then N offline (the service worker throttled
//   like the page, as in the benchmark), and prints each engine mark's median and every visit's
//   figure: tracing itself slows a visit by a third or more, and on a shared machine one visit
//   swings by tens of ms, so a change to the critical path is compared this way (old and new in turn).
//   --visits N --against DIR [--rounds R] (default 4): old and new in turn, R rounds of N visits each
//   (the order reversed every other round), this checkout against DIR, another checkout's root with
//   its built www/ and pkg/ (e.g. a copy of www/ made before a change, with pkg/ linked); prints the
//   pooled median of each mark per build and mode, and of the gaps between consecutive marks.
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startServer, launch, serviceWorkerSession, engineReadyOverCdp, SLOW_4G, ROOT } from '../tests/browser/helpers.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const pageName = opt('--page', 'index.html');
const visits = Number(opt('--visits', 0));
const warmup = Number(opt('--warmup', 2));
if (visits && opt('--against', null)) {
  alternate(path.resolve(opt('--against')), Number(opt('--rounds', 4)));
  process.exit(0);
}
const CATEGORIES = ['CacheStorage', 'ServiceWorker', 'Blob', 'storage', 'devtools.timeline', 'v8', 'v8.wasm', 'blink.user_timing', 'loading', 'disabled-by-default-devtools.timeline'];

const server = await startServer();
const browser = await launch();
const out = {};
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const target = `${server.url}www/${pageName}`;
  // Every part in, waited for without polling the page (helpers.mjs).
  const ready = () => engineReadyOverCdp(cdp, ['true'], 300_000, target);
  await page.goto(target, { waitUntil: 'commit' });
  await ready();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.waitForTimeout(1500);
  if (visits) await markVisits(page, cdp, target, ready, visits);
  else for (const mode of ['online', 'offline']) {
    await cdp.send('Network.emulateNetworkConditions', mode === 'online' ? SLOW_4G : { ...SLOW_4G, offline: true });
    if (mode === 'offline') await context.setOffline(true);
    for (let i = 0; i < warmup; i++) {
      await page.goto(target, { waitUntil: 'commit' });
      await ready();
      await page.waitForTimeout(400);
    }
    const events = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    const done = new Promise((res) => cdp.once('Tracing.tracingComplete', res));
    await cdp.send('Tracing.start', { categories: CATEGORIES.join(','), transferMode: 'ReportEvents' });
    await page.goto(target, { waitUntil: 'commit' });
    await ready();
    await page.waitForTimeout(300);
    const inPage = await page.evaluate(() => ({
      marks: performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]),
      resources: performance.getEntriesByType('resource').map((r) => ({
        url: r.name.replace(location.origin, ''),
        start: r.startTime,
        worker: r.workerStart,
        responseStart: r.responseStart,
        end: r.responseEnd,
      })),
      nav: (() => {
        const n = performance.getEntriesByType('navigation')[0];
        return { worker: n.workerStart, responseStart: n.responseStart, responseEnd: n.responseEnd, domInteractive: n.domInteractive, dcl: n.domContentLoadedEventStart };
      })(),
      paint: performance.getEntriesByType('paint').map((p) => [p.name, p.startTime]),
    }));
    await cdp.send('Tracing.end');
    await done;
    cdp.removeAllListeners('Tracing.dataCollected');
    // Navigation start on the trace clock: the engine's first mark, less its time in the page.
    const start = events.find((e) => e.name === 'claimlint-load-start');
    const startMs = inPage.marks.find(([n]) => n === 'claimlint-load-start')?.[1] ?? 0;
    const t0 = start ? start.ts - startMs * 1000 : Math.min(...events.map((e) => e.ts).filter(Boolean));
    const mainTid = start ? `${start.pid}:${start.tid}` : null;
    if (args.includes('--raw')) writeFileSync(`${opt('--raw')}-${mode}.json`, JSON.stringify({ t0, mainTid, events }));
    // The main thread's tasks of 1 ms or more, each with what took most of it.
    const onMain = events.filter((e) => `${e.pid}:${e.tid}` === mainTid && e.ph === 'X' && e.ts >= t0 - 5000);
    const label = (e) => `${e.name}${e.args?.data?.url ? ` ${e.args.data.url.replace(server.url, '/').slice(0, 60)}` : ''} ${(e.dur / 1000).toFixed(1)}`;
    const main = onMain
      .filter((e) => e.name === 'RunTask' && e.dur >= 1000)
      .map((task) => {
        const inside = onMain.filter((k) => k !== task && k.name !== 'RunTask' && k.ts >= task.ts && k.ts + k.dur <= task.ts + task.dur && k.dur >= 300);
        return { at: (task.ts - t0) / 1000, ms: task.dur / 1000, what: inside.slice(0, 5).map(label).join(', ') };
      });
    const wasm = events.filter((e) => /wasm/i.test(e.name) && e.ts >= t0).map((e) => ({ name: e.name, ph: e.ph, at: (e.ts - t0) / 1000, ms: (e.dur || 0) / 1000, args: JSON.stringify(e.args || {}).slice(0, 160) }));
    // The main thread's own CPU time (thread time, not wall time: a loaded machine stretches the
    // wall clock, not this) from navigation start to engine ready, by kind of work.
    const readyMs = inPage.marks.find(([n]) => n === 'claimlint-engine-ready')?.[1] ?? Infinity;
    const before = onMain.filter((e) => e.ts >= t0 && (e.ts - t0) / 1000 < readyMs);
    const cpu = (filter) => before.filter(filter).reduce((n, e) => n + (e.tdur ?? e.dur) / 1000, 0);
    const kinds = {
      tasks: cpu((e) => e.name === 'RunTask'),
      style: cpu((e) => e.name === 'UpdateLayoutTree'),
      layout: cpu((e) => e.name === 'Layout'),
      paint: cpu((e) => /^(PrePaint|Paint|Layerize|Commit)$/.test(e.name)),
      script: cpu((e) => /^(v8\.evaluateModule|v8\.compileModule|FunctionCall|v8\.callFunction|EvaluateScript|RunMicrotasks)$/.test(e.name)),
      parse: cpu((e) => e.name === 'ParseHTML' || e.name === 'ParseAuthorStyleSheet'),
    };
    const taskCount = before.filter((e) => e.name === 'RunTask').length;
    // Each browser thread's tasks before ready: wall time against its own CPU time. On a shared
    // machine the main thread's wall time is several times its CPU time (it waits for a core).
    const threadNames = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name]));
    const threads = new Map();
    for (const e of events) {
      if (e.name !== 'RunTask' || e.ph !== 'X' || e.ts < t0 || (e.ts - t0) / 1000 >= readyMs) continue;
      const key = `${e.pid}:${e.tid}`;
      const t = threads.get(key) || { name: key === mainTid ? 'page main' : threadNames.get(key) || key, wall: 0, cpu: 0 };
      t.wall += e.dur / 1000;
      t.cpu += (e.tdur ?? e.dur) / 1000;
      threads.set(key, t);
    }
    const busy = [...threads.values()].filter((t) => t.cpu >= 1).sort((a, b) => b.cpu - a.cpu);
    // The previous page restyled between navigation start and the commit (Chromium marks every
    // element of it for a style recalculation when the new document's frame is made; the commit
    // waits behind that frame when it comes first).
    const commitAt = events.find((e) => e.name === 'commitNavigationEnd' && e.ts > t0)?.ts ?? Infinity;
    const oldRestyle = onMain.filter((e) => e.name === 'UpdateLayoutTree' && e.ts >= t0 && e.ts < commitAt && (e.args?.elementCount ?? 0) > 50);
    out[mode] = { inPage, main, wasm, kinds, taskCount, threads: busy, oldRestyle: oldRestyle.map((e) => ({ at: (e.ts - t0) / 1000, ms: e.dur / 1000, elements: e.args.elementCount })) };
    console.log(`\n=== warm ${mode} (${pageName}) ===`);
    console.log(`navigation: worker ${inPage.nav.worker.toFixed(1)} responseStart ${inPage.nav.responseStart.toFixed(1)} responseEnd ${inPage.nav.responseEnd.toFixed(1)} domInteractive ${inPage.nav.domInteractive.toFixed(1)} DCL ${inPage.nav.dcl.toFixed(1)}`);
    for (const [n, t] of inPage.paint) console.log(`paint ${n} ${t.toFixed(1)}`);
    console.log(`main thread CPU before engine ready: ${Object.entries(kinds).map(([k, v]) => `${k} ${v.toFixed(1)} ms`).join(', ')} (${taskCount} tasks)`);
    console.log(`threads before engine ready, tasks' wall / CPU ms: ${busy.map((t) => `${t.name} ${t.wall.toFixed(1)} / ${t.cpu.toFixed(1)}`).join(', ')}`);
    console.log(`previous page restyled before the commit: ${oldRestyle.map((e) => `${e.args.elementCount} elements at ${((e.ts - t0) / 1000).toFixed(1)} for ${(e.dur / 1000).toFixed(1)} ms`).join(', ') || 'no'}`);
    console.log('marks:');
    for (const [n, t] of inPage.marks) console.log(`  ${t.toFixed(1).padStart(7)}  ${n}`);
    console.log('requests (start → responseStart → end):');
    for (const r of inPage.resources.filter((r) => r.start < 400)) console.log(`  ${r.start.toFixed(1).padStart(7)} → ${r.responseStart.toFixed(1).padStart(7)} → ${r.end.toFixed(1).padStart(7)}  ${r.url}`);
    console.log('main thread (≥ 1 ms):');
    for (const e of main.filter((e) => e.at < 300)) console.log(`  ${e.at.toFixed(1).padStart(7)} +${e.ms.toFixed(1).padStart(5)}  ${e.what}`);
    console.log('wasm events:');
    for (const e of wasm.filter((e) => e.at < 300 && /Streaming|compile|Instantiate|cache/i.test(e.name))) console.log(`  ${e.at.toFixed(1).padStart(7)} +${e.ms.toFixed(1).padStart(5)} ${e.ph} ${e.name} ${e.args}`);
  }
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
const json = opt('--json', null);
if (json) writeFileSync(json, JSON.stringify(out, null, 2));

/** `n` warm visits online, then offline, without tracing: each engine mark's median, and per visit. */
async function markVisits(page, cdp, target, ready, n) {
  const worker = await serviceWorkerSession(page.context().browser(), server.url);
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await worker.send('Network.emulateNetworkConditions', SLOW_4G);
  for (const mode of ['online', 'offline']) {
    if (mode === 'offline') {
      await worker.send('Network.emulateNetworkConditions', { ...SLOW_4G, offline: true });
      await cdp.send('Network.emulateNetworkConditions', { ...SLOW_4G, offline: true });
      await page.context().setOffline(true);
    }
    const runs = [];
    for (let i = 0; i < n; i++) {
      await page.goto(target, { waitUntil: 'commit' });
      await ready();
      await page.waitForTimeout(400);
      runs.push(
        await page.evaluate(() => {
          const nav = performance.getEntriesByType('navigation')[0];
          const marks = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('claimlint-'));
          return { response: nav.responseStart, domInteractive: nav.domInteractive, ...Object.fromEntries(marks.map((m) => [m.name.slice(10), m.startTime])) };
        }),
      );
    }
    out[mode] = { runs, load: loadavg()[0] };
    console.log(`\n=== ${n} warm visits ${mode} (${pageName}), load average ${loadavg()[0].toFixed(2)}: median [each visit], ms from navigation start ===`);
    for (const key of Object.keys(runs[0])) {
      const each = runs.map((r) => r[key]);
      const sorted = [...each].sort((a, b) => a - b);
      console.log(`  ${key.padEnd(16)} ${sorted[(sorted.length - 1) >> 1].toFixed(1).padStart(7)}  [${each.map((v) => v.toFixed(0)).join(' ')}]`);
    }
  }
  await worker.close();
}

/**
 * Old and new in turn: this script's --visits run with each root (a child process each, so each
 * build gets its own browser and service worker), `rounds` times, the order reversed every other
 * round; each mark's median over every visit of a build and mode, and the median gap from the
 * mark before it (visit by visit), with the load averages seen.
 */
function alternate(against, rounds) {
  const builds = [ROOT, against];
  const dir = mkdtempSync(path.join(tmpdir(), 'trace-warm-'));
  const pooled = new Map(); // `${root} ${mode}` -> {runs, loads}
  try {
    for (let r = 0; r < rounds; r++) {
      for (const root of r % 2 ? [...builds].reverse() : builds) {
        const json = path.join(dir, 'visits.json');
        execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--visits', String(visits), '--page', pageName, '--json', json], { env: { ...process.env, CLAIMLINT_ROOT: root }, stdio: ['ignore', 'ignore', 'inherit'] });
        for (const [mode, { runs, load }] of Object.entries(JSON.parse(readFileSync(json, 'utf8')))) {
          const key = `${root === ROOT ? 'this' : 'against'} ${mode}`;
          const p = pooled.get(key) || { runs: [], loads: [] };
          p.runs.push(...runs);
          p.loads.push(load);
          pooled.set(key, p);
          const ready = median(runs.map((v) => v['engine-ready']));
          console.log(`round ${r + 1} ${key.padEnd(15)} engine-ready median ${ready.toFixed(1)} ms, load average ${load.toFixed(2)}`);
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\nthis: ${ROOT}\nagainst: ${against}`);
  for (const [key, { runs, loads }] of [...pooled].sort()) {
    console.log(`\n=== ${key}: ${runs.length} visits, load average ${Math.min(...loads).toFixed(2)}-${Math.max(...loads).toFixed(2)}; median ms (median gap from the mark before) ===`);
    // In the order of their medians (the marks of a visit do not always come in the same order).
    const keys = Object.keys(runs[0]).sort((a, b) => median(runs.map((v) => v[a])) - median(runs.map((v) => v[b])));
    keys.forEach((k, i) => {
      const d = i ? median(runs.map((v) => v[k] - v[keys[i - 1]])) : 0;
      const gap = i ? ` (${d < 0 ? '' : '+'}${d.toFixed(1)})` : '';
      console.log(`  ${k.padEnd(16)} ${median(runs.map((v) => v[k])).toFixed(1).padStart(7)}${gap}`);
    });
  }
}

function median(values) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted.length ? sorted[(sorted.length - 1) >> 1] : NaN;
}
