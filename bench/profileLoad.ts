/**
 * Where a board's load goes: `tsx bench/profileLoad.ts [--size=1000] [--dist=dir] [--cpu=file.cpuprofile] [--loads=3] [--latency=ms] [--floor]`.
 * Seeds a board as bench/browser.ts does, opens it in headless Chromium and prints, on the page's
 * clock from navigation start, when each request started and ended, when the sync socket opened
 * and got its first messages, the long tasks, and the time to interactive. With `--trace=file`, the
 * last load is also traced (DevTools timeline) and the main thread's time is summed by kind
 * (script, style, layout, paint…) before the time to interactive. With `--floor`, the floor page
 * (bench/floor/) drawing the nodes of the last load is loaded and measured the same way after it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { touchpointOfNode } from '../src/canvas/nodeIds';
import { getRecord, readTouchpoint } from '../src/doc/read';
import { seedBoard } from './lib/boards';
import { floorSpecOf, startFloor } from './lib/floor';
import { newPage, timeToInteractive } from './lib/page';
import { launchChromium } from '../tests/helpers/browser';
import { REPO_ROOT, startRelay } from './lib/relays';
import { flag } from './lib/report';

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
  /** Thread (CPU) time of the event, which a busy neighbour on the machine does not stretch. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { documentLoaderURL?: string } };
}

const TRACE_CATEGORIES = 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing,loading';

/**
 * The renderer main thread's work from navigation start to the time to interactive: its total
 * in wall time and in thread (CPU) time, and the thread time summed by kind of work (an event's
 * time minus its children's).
 */
function mainThreadSummary(events: TraceEvent[], tti: number): string {
  const navigation = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL);
  if (!navigation) return '  (no navigation in the trace)';
  const end = navigation.ts + tti * 1000;
  const own = events
    .filter(
      (e) =>
        e.pid === navigation.pid && e.tid === navigation.tid && e.ph === 'X' && e.dur !== undefined && e.ts >= navigation.ts && e.ts < end,
    )
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: { end: number; name: string }[] = [];
  let wall = 0;
  let cpu = 0;
  for (const e of own) {
    while (stack.length && (stack[stack.length - 1] as { end: number }).end <= e.ts) stack.pop();
    const time = e.tdur ?? e.dur ?? 0;
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - time);
    else {
      wall += e.dur ?? 0;
      cpu += time;
    }
    self.set(e.name, (self.get(e.name) ?? 0) + time);
    stack.push({ end: e.ts + (e.dur ?? 0), name: e.name });
  }
  const rows = [...self].filter(([, us]) => us >= 2000).sort((a, b) => b[1] - a[1]);
  const ms = (us: number) => (us / 1000).toFixed(1).padStart(8);
  return [
    `  main thread busy before TTI: ${ms(wall).trim()} ms wall, ${ms(cpu).trim()} ms CPU; CPU by kind (ms):`,
    ...rows.map(([name, us]) => `  ${ms(us)}  ${name}`),
  ].join('\n');
}

/** One load of `url` in a fresh page, traced and profiled as the flags ask (the last load only); prints what it saw. */
async function profiledLoad(
  browser: Browser,
  url: string,
  count: number,
  last: boolean,
  initScripts: string[],
  title: string,
): Promise<Page> {
  const bench = await newPage(browser, [WATCH, ...initScripts]);
  const { page } = bench;
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
  const cpu = flag('cpu') && last;
  const trace = flag('trace') && last;
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
    const at = (ms: number) => Math.round(t.startTime - origin + ms);
    requests.push(
      `${at(0)}→${at(t.responseEnd)} ms  ${r
        .url()
        .replace(/^https?:\/\/[^/]+/, '')
        .slice(0, 70)}`,
    );
  });
  const tti = await timeToInteractive(page, url, count);
  console.log(`\n${title}: TTI ${Math.round(tti)} ms`);
  if (cpu) {
    const { profile } = await cdp.send('Profiler.stop');
    fs.writeFileSync(`${flag('cpu')}${title.startsWith('floor') ? '.floor' : ''}`, JSON.stringify(profile));
  }
  if (trace) {
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await done;
    fs.writeFileSync(`${flag('trace')}${title.startsWith('floor') ? '.floor' : ''}`, JSON.stringify({ traceEvents: events }));
    console.log(mainThreadSummary(events, tti));
  }
  const log = await page.evaluate(() => (window as unknown as { __log: [number, string][] }).__log);
  for (const r of requests) console.log(`  req ${r}`);
  for (const [t, what] of log.sort((x, y) => x[0] - y[0])) console.log(`  ${String(t).padStart(5)} ${what}`);
  closers.set(page, bench.close);
  return page;
}

const closers = new Map<Page, () => Promise<void>>();

async function main(): Promise<void> {
  const relay = await startRelay('parcours', { env: { STATIC_DIR: DIST } });
  const browser = await launchChromium();
  const floor = flag('floor') !== undefined ? await startFloor() : null;
  try {
    const writer = await seedBoard(relay, SIZE, SIZE >= 5000 ? 4 : 1);
    const url = `http://127.0.0.1:${relay.port}/b/${writer.board}?t=${encodeURIComponent(relay.params(writer.board).token ?? '')}`;
    for (let load = 0; load < LOADS; load++) {
      const last = load === LOADS - 1;
      const page = await profiledLoad(browser, url, writer.cards.length, last, [], `load ${load + 1}`);
      if (last && floor) {
        // The floor page, drawing the nodes this page shows, loaded and measured the same way.
        const labelOf = (nodeId: string) => {
          const id = touchpointOfNode(nodeId);
          const record = id ? getRecord(writer.doc, 'touchpoints', id) : null;
          return id && record ? readTouchpoint(id, record).text : '';
        };
        const spec = await floorSpecOf(page, labelOf);
        const shown = spec.nodes.filter((n) => n.type === 'touchpoint').length;
        await (closers.get(page) as () => Promise<void>)();
        const floorPage = await profiledLoad(browser, floor.url, shown, true, [`window.__FLOOR__ = ${JSON.stringify(spec)};`], 'floor');
        await (closers.get(floorPage) as () => Promise<void>)();
      } else await (closers.get(page) as () => Promise<void>)();
    }
    writer.close();
  } finally {
    await floor?.stop();
    await browser.close();
    await relay.stop();
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
