/**
 * Where a board's load goes: `tsx bench/profileLoad.ts [--size=1000] [--dist=dir] [--cpu=file.cpuprofile] [--loads=3] [--latency=ms]`.
 * Seeds a board as bench/browser.ts does, opens it in headless Chromium and prints, on the page's
 * clock from navigation start, when each request started and ended, when the sync socket opened
 * and got its first messages, the long tasks, and the time to interactive. With `--trace=file`, the
 * last load is also traced (DevTools timeline) and the main thread's time is summed by kind
 * (script, style, layout, paint…) before the time to interactive.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { seedBoard } from './lib/boards';
import { newPage, timeToInteractive } from './lib/page';
import { REPO_ROOT, startRelay } from './lib/relays';
import { flag } from './lib/report';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SIZE = Number(flag('size') ?? 1000);
const LOADS = Number(flag('loads') ?? 3);
const DIST = path.resolve(flag('dist') ?? path.join(REPO_ROOT, 'dist'));

const WATCH = `(() => {
  const log = (window.__log = []);
  const at = () => Math.round(performance.now());
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      log.push([at(), 'ws new ' + String(args[0]).split('?')[0]]);
      this.addEventListener('open', () => log.push([at(), 'ws open']));
      let n = 0;
      this.addEventListener('message', (e) => {
        if (n++ < 4) log.push([at(), 'ws msg ' + (e.data.byteLength ?? e.data.length) + ' B type ' + (e.data instanceof ArrayBuffer ? new Uint8Array(e.data)[0] + '/' + new Uint8Array(e.data)[1] : '?')]);
      });
    }
  };
  const openDb = indexedDB.open.bind(indexedDB);
  indexedDB.open = (...a) => { log.push([at(), 'idb open ' + a[0]]); const r = openDb(...a); r.addEventListener('success', () => log.push([at(), 'idb opened ' + a[0]])); return r; };
  new PerformanceObserver((l) => { for (const e of l.getEntries()) log.push([Math.round(e.startTime), 'longtask ' + Math.round(e.duration) + ' ms']); }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) log.push([Math.round(e.startTime), 'mark ' + e.name]); }).observe({ type: 'mark', buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) log.push([Math.round(e.startTime), e.name + ' ' + Math.round(e.duration)]); }).observe({ type: 'measure', buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) log.push([Math.round(e.startTime), 'paint ' + e.name]); }).observe({ type: 'paint', buffered: true });
})();`;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { frame?: string } };
}

const TRACE_CATEGORIES = 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing,loading';

/**
 * The renderer main thread's top-level tasks from navigation start to the time to interactive,
 * summed by the kind of work inside them (an event's time minus its children's).
 */
function mainThreadSummary(events: TraceEvent[], tti: number): string {
  const main = events.find(
    (e) =>
      e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((n) => n.pid === e.pid && n.name === 'navigationStart'),
  );
  if (!main) return '  (no main thread in the trace)';
  const start = events.find((e) => e.pid === main.pid && e.name === 'navigationStart')?.ts ?? 0;
  const end = start + tti * 1000;
  const own = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined && e.ts >= start && e.ts < end)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: { end: number; name: string }[] = [];
  for (const e of own) {
    while (stack.length && (stack[stack.length - 1] as { end: number }).end <= e.ts) stack.pop();
    const dur = e.dur ?? 0;
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - dur);
    self.set(e.name, (self.get(e.name) ?? 0) + dur);
    stack.push({ end: e.ts + dur, name: e.name });
  }
  const rows = [...self].filter(([, us]) => us >= 2000).sort((a, b) => b[1] - a[1]);
  return ['  main thread before TTI, by kind (ms):', ...rows.map(([name, us]) => `  ${(us / 1000).toFixed(1).padStart(8)}  ${name}`)].join(
    '\n',
  );
}

async function main(): Promise<void> {
  const relay = await startRelay('parcours', { env: { STATIC_DIR: DIST } });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS, headless: true });
  try {
    const writer = await seedBoard(relay, SIZE, SIZE >= 5000 ? 4 : 1);
    const url = `http://127.0.0.1:${relay.port}/b/${writer.board}?t=${encodeURIComponent(relay.params(writer.board).token ?? '')}`;
    for (let load = 0; load < LOADS; load++) {
      const { page, close } = await newPage(browser, [WATCH]);
      const cdp = await page.context().newCDPSession(page);
      if (flag('latency')) {
        // Every request and the socket's handshake one round trip of this many ms away, as from a distant relay.
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: Number(flag('latency')),
          downloadThroughput: -1,
          uploadThroughput: -1,
        });
      }
      const cpu = flag('cpu') && load === LOADS - 1;
      const trace = flag('trace') && load === LOADS - 1;
      const events: TraceEvent[] = [];
      if (trace) {
        cdp.on('Tracing.dataCollected', (d) => {
          events.push(...(d.value as unknown as TraceEvent[]));
        });
        await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
      }
      if (cpu) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      const requests: string[] = [];
      let origin = 0;
      page.on('requestfinished', (r) => {
        const t = r.timing();
        if (!origin) origin = t.startTime;
        requests.push(
          `${Math.round(t.startTime - origin)}→${Math.round(t.startTime - origin + t.responseEnd)} ms  ${r
            .url()
            .replace(/^https?:\/\/[^/]+/, '')
            .slice(0, 70)}`,
        );
      });
      const tti = await timeToInteractive(page, url, writer.cards.length);
      if (cpu) {
        const { profile } = await cdp.send('Profiler.stop');
        fs.writeFileSync(flag('cpu') as string, JSON.stringify(profile));
      }
      if (trace) {
        const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
        await cdp.send('Tracing.end');
        await done;
        fs.writeFileSync(flag('trace') as string, JSON.stringify({ traceEvents: events }));
        console.log(mainThreadSummary(events, tti));
      }
      const log = await page.evaluate(() => (window as unknown as { __log: [number, string][] }).__log);
      console.log(`\nload ${load + 1}: TTI ${Math.round(tti)} ms`);
      for (const r of requests) console.log(`  req ${r}`);
      for (const [t, what] of log.sort((a, b) => a[0] - b[0])) console.log(`  ${String(t).padStart(5)} ${what}`);
      await close();
    }
    writer.close();
  } finally {
    await browser.close();
    await relay.stop();
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
