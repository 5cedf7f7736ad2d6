/**
 * What the drop after a drag is made of: `tsx bench/profileDrop.ts [--size=1000] [--dist=dir]
 * [--pages=1] [--drops=3] [--moves=30] [--brief] [--cpu=file.cpuprofile] [--trace=file.json] [--floor]`.
 * Seeds a board as bench/browser.ts does, opens it in headless Chromium, and drags the card
 * nearest the centre as the benchmark does (a click, then the moves); the release is traced
 * (DevTools timeline) and each frame of the 300 ms after it is printed with the renderer main
 * thread's work inside it, by kind (script, style, layout, paint…). With `--cpu`, the drops of the
 * last page are also sampled by the JS profiler, and the release's frame of each broken down even
 * when short, so a page's first drop compares with its second (an unminified build, `npx vite build --minify false
 * --outDir dir` and `--dist=dir`, gives names). `--floor` does the same on the floor.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { touchpointOfNode } from '../src/canvas/nodeIds';
import { getRecord, readTouchpoint } from '../src/doc/read';
import { seedBoard } from './lib/boards';
import { floorSpecOf, startFloor } from './lib/floor';
import { newPage, recordFrames, timeToInteractive, visibleCard } from './lib/page';
import { launchChromium } from '../tests/helpers/browser';
import { REPO_ROOT, startRelay } from './lib/relays';
import { flag, sleep } from './lib/report';

const SIZE = Number(flag('size') ?? 1000);
const DROPS = Number(flag('drops') ?? 3);
const MOVES = Number(flag('moves') ?? 30);
/** Fresh pages, each opened on the board and dropped on `DROPS` times: the first drop of a page runs cold code. */
const PAGES = Number(flag('pages') ?? 1);
/** Only the frames of each drop, not their breakdown. */
const BRIEF = flag('brief') !== undefined;
const DIST = path.resolve(flag('dist') ?? path.join(REPO_ROOT, 'dist'));
const TRACE_CATEGORIES = 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing';
/** Frames longer than this are broken down. */
const LONG_FRAME_MS = 20;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

/** The renderer main thread of the page, found by the mark the page set. */
function mainThreadOf(events: TraceEvent[], mark: string): { pid: number; tid: number; markTs: number } | null {
  const m = events.find((e) => e.name === mark && (e.ph === 'R' || e.ph === 'I' || e.ph === 'i' || e.ph === 'n' || e.ph === 'b'));
  if (!m) return null;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === m.pid);
  return main ? { pid: main.pid, tid: main.tid, markTs: m.ts } : null;
}

/** Self time (an event's time minus its children's) by event name, of the main thread's complete events in [from, to) µs. */
function selfTimes(events: TraceEvent[], pid: number, tid: number, from: number, to: number): Map<string, number> {
  const own = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined && e.ts + (e.dur ?? 0) > from && e.ts < to)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: { end: number; name: string }[] = [];
  for (const e of own) {
    while (stack.length && (stack[stack.length - 1] as { end: number }).end <= e.ts) stack.pop();
    // Only the part inside the window counts.
    const dur = Math.min(e.ts + (e.dur ?? 0), to) - Math.max(e.ts, from);
    const parent = stack[stack.length - 1];
    const name = e.name;
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - dur);
    self.set(name, (self.get(name) ?? 0) + dur);
    stack.push({ end: e.ts + (e.dur ?? 0), name });
  }
  return self;
}

/** The length in ms of the main thread's task that handled the release (its `mouseup`), or null if the trace has none. */
function releaseTask(events: TraceEvent[], pid: number, tid: number, from: number): number | null {
  const up = events.find(
    (e) =>
      e.pid === pid &&
      e.tid === tid &&
      e.name === 'EventDispatch' &&
      e.ts >= from &&
      (e.args?.data as { type?: string } | undefined)?.type === 'mouseup',
  );
  if (!up) return null;
  const end = up.ts + (up.dur ?? 0);
  const tasks = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts <= up.ts && e.ts + (e.dur ?? 0) >= end);
  return Math.max(...tasks.map((e) => e.dur ?? 0)) / 1000;
}

/** Layout and style events in the window with how many elements they touched. */
function layoutDetails(events: TraceEvent[], pid: number, tid: number, from: number, to: number): string[] {
  return events
    .filter(
      (e) =>
        e.pid === pid &&
        e.tid === tid &&
        e.ph === 'X' &&
        e.ts >= from &&
        e.ts < to &&
        (e.dur ?? 0) >= 1000 &&
        (e.name === 'Layout' || e.name === 'UpdateLayoutTree' || e.name === 'Paint' || e.name === 'PrePaint' || e.name === 'Layerize'),
    )
    .map((e) => {
      const data = (e.args as { beginData?: Record<string, unknown>; elementCount?: number } | undefined) ?? {};
      const begin = data.beginData ?? {};
      const count = (data as { elementCount?: number }).elementCount ?? begin.dirtyObjects ?? '';
      const stack = (begin.stackTrace as { functionName: string }[] | undefined)?.[0]?.functionName;
      return `      ${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)} ms at +${((e.ts - from) / 1000).toFixed(1)}${count !== '' ? `, ${String(count)} objects` : ''}${stack ? `, forced by ${stack}` : ''}`;
    });
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The functions the JS profiler saw most in [from, to) µs, by total time (a function counted once per sample). */
function topFunctions(profile: CpuProfile, from: number, to: number, count = 40): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (id: number) => {
    const f = (byId.get(id) as CpuProfile['nodes'][number]).callFrame;
    return `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`;
  };
  const total = new Map<string, number>();
  let t = profile.startTime;
  profile.samples.forEach((sample, i) => {
    t += profile.timeDeltas[i] ?? 0;
    const dt = profile.timeDeltas[i + 1] ?? 0;
    if (t < from || t >= to) return;
    const seen = new Set<string>();
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const name = label(id);
      if (seen.has(name) || name.startsWith('(root)') || name.startsWith('(idle)') || name.startsWith('(program)')) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + dt);
    }
  });
  return [...total]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => `      ${(us / 1000).toFixed(1).padStart(6)}  ${name}`);
}

interface Touched {
  nodes: Set<Element>;
  styles: number;
  childList: number;
  /** How many node elements each batch of changes (a React commit, as a rule) touched. */
  batches: number[];
}

/** Counts the node elements React Flow's renderer changes until the returned function is called. */
async function watchNodes(page: Page): Promise<() => Promise<{ nodes: number; styles: number; childList: number; batches: number[] }>> {
  await page.evaluate(() => {
    const w = window as unknown as { __touched: Touched; __watch: MutationObserver };
    const touched: Touched = { nodes: new Set<Element>(), styles: 0, childList: 0, batches: [] };
    w.__touched = touched;
    w.__watch = new MutationObserver((records) => {
      const batch = new Set<Element>();
      for (const r of records) {
        if (r.type === 'childList') touched.childList += r.addedNodes.length + r.removedNodes.length;
        const el = r.target instanceof Element ? r.target.closest('.react-flow__node') : null;
        if (r.type === 'attributes' && el) {
          touched.nodes.add(el);
          batch.add(el);
          if (r.attributeName === 'style') touched.styles++;
        }
      }
      if (batch.size > 0) touched.batches.push(batch.size);
    });
    const root = document.querySelector('.react-flow__nodes');
    if (root) w.__watch.observe(root, { attributes: true, subtree: true, childList: true });
  });
  return () =>
    page.evaluate(() => {
      const w = window as unknown as { __touched: Touched; __watch: MutationObserver };
      w.__watch.disconnect();
      const { nodes, styles, childList, batches } = w.__touched;
      return { nodes: nodes.size, styles, childList, batches };
    });
}

/** Selects the card nearest the centre, drags it as bench/lib/scenario.ts does, and stops before the release. */
async function dragWithoutRelease(page: Page): Promise<void> {
  const from = await visibleCard(page);
  const stride = 90 / MOVES;
  await page.mouse.click(from.x, from.y);
  await sleep(300);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= MOVES; i++) {
    await page.mouse.move(from.x + 3 * i * stride, from.y + i * stride);
    await sleep(16);
  }
  await sleep(100);
}

/**
 * Where the JS profile (`cpu`) or the trace of a drop goes, if anywhere: every drop of the last page
 * is kept, the last one in the flag's file and the others next to it (`drop.json` → `drop-1.json`…).
 */
function dropFileOf(name: 'cpu' | 'trace', drop: number, last: boolean): string | null {
  const file = flag(name);
  if (!file || !ON_LAST_PAGE.value) return null;
  if (last) return file;
  const ext = path.extname(file);
  return `${file.slice(0, file.length - ext.length)}-${drop}${ext}`;
}
const ON_LAST_PAGE = { value: false };

/** Milliseconds of the renderer main thread's work in the window after the release that `busyAfter` reports. */
const BUSY_WINDOW_MS = 300;

/** A drop's longest frame, and the main thread's busy time in the `BUSY_WINDOW_MS` after the release (null without a trace). */
interface DropFigures {
  longest: number;
  busy: number | null;
  /** The release's own task (the drop's edit, the derivation, React's render and commit), ms. */
  task: number | null;
}

async function traceDrop(page: Page, cdp: CDPSession, drop: number, last: boolean): Promise<DropFigures> {
  await dragWithoutRelease(page);
  const events: TraceEvent[] = [];
  const onData = (d: { value: unknown[] }) => {
    events.push(...(d.value as TraceEvent[]));
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
  const cpu = dropFileOf('cpu', drop, last);
  if (cpu) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const stop = await recordFrames(page);
  const stopWatching = await watchNodes(page);
  await sleep(100);
  const mark = `drop-${drop}`;
  const markAt = await page.evaluate((name) => performance.mark(name).startTime, mark);
  await page.mouse.up();
  await sleep(300);
  const stamps = await stop();
  const touched = await stopWatching();
  let profile: CpuProfile | null = null;
  if (cpu) {
    profile = (await cdp.send('Profiler.stop')).profile as unknown as CpuProfile;
    fs.writeFileSync(cpu, JSON.stringify(profile));
  }
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', onData);
  const traceFile = dropFileOf('trace', drop, last);
  if (traceFile) fs.writeFileSync(traceFile, JSON.stringify({ traceEvents: events }));

  const main = mainThreadOf(events, mark);
  const after = stamps.filter((t, i) => i + 1 < stamps.length && (stamps[i + 1] as number) > markAt);
  const frames = after.map((t) => [t, stamps[stamps.indexOf(t) + 1] as number] as const);
  const longest = Math.max(0, ...frames.map(([a, b]) => b - a));
  console.log(`\ndrop ${drop}: ${frames.length} frames after the release, longest ${longest.toFixed(1)} ms`);
  console.log(`  frames (ms): ${frames.map(([a, b]) => (b - a).toFixed(0)).join(' ')}`);
  console.log(
    `  node elements whose attributes changed: ${touched.nodes} (${touched.styles} style changes), elements added or removed: ${touched.childList}; by batch: ${touched.batches.join(', ')}`,
  );
  if (!main) {
    console.log('  (no main thread in the trace)');
    return { longest, busy: null, task: null };
  }
  const toTrace = (t: number) => main.markTs + (t - markAt) * 1000;
  // Frame lengths are whole vsyncs and move with the load; the work itself is what a cold page adds.
  const busyUs = [...selfTimes(events, main.pid, main.tid, main.markTs, main.markTs + BUSY_WINDOW_MS * 1000).values()].reduce(
    (s, v) => s + v,
    0,
  );
  const task = releaseTask(events, main.pid, main.tid, main.markTs);
  console.log(
    `  the release's task ${task === null ? '?' : task.toFixed(1)} ms; main thread busy in the ${BUSY_WINDOW_MS} ms after the release: ${(busyUs / 1000).toFixed(1)} ms`,
  );
  for (const [a, b] of frames) {
    // With a profile, the release's own frame is broken down even when short: a first drop and a later one compare there.
    if (BRIEF || (b - a < LONG_FRAME_MS && !(profile && a === frames[0]?.[0]))) continue;
    const from = toTrace(a);
    const to = toTrace(b);
    const self = selfTimes(events, main.pid, main.tid, from, to);
    const rows = [...self].filter(([, us]) => us >= 500).sort((x, y) => y[1] - x[1]);
    const busy = [...self.values()].reduce((s, v) => s + v, 0);
    console.log(
      `  frame at +${(a - markAt).toFixed(0)} ms, ${(b - a).toFixed(1)} ms long, main thread busy ${(busy / 1000).toFixed(1)} ms:`,
    );
    for (const [name, us] of rows) console.log(`    ${(us / 1000).toFixed(1).padStart(7)}  ${name}`);
    for (const line of layoutDetails(events, main.pid, main.tid, from, to)) console.log(line);
    if (profile) console.log(['    JS by total time (ms):', ...topFunctions(profile, from, to)].join('\n'));
  }
  return { longest, busy: busyUs / 1000, task };
}

async function main(): Promise<void> {
  const relay = await startRelay('parcours', { env: { STATIC_DIR: DIST } });
  const browser = await launchChromium();
  const floor = flag('floor') ? await startFloor() : null;
  try {
    const writer = await seedBoard(relay, SIZE, SIZE >= 5000 ? 4 : 1);
    const url = `http://127.0.0.1:${relay.port}/b/${writer.board}?t=${encodeURIComponent(relay.params(writer.board).token ?? '')}`;
    const labelOf = (nodeId: string) => {
      const id = touchpointOfNode(nodeId);
      const record = id ? getRecord(writer.doc, 'touchpoints', id) : null;
      return id && record ? readTouchpoint(id, record).text : '';
    };
    const rows: string[] = [];
    for (let p = 1; p <= PAGES; p++) {
      let bench = await newPage(browser);
      await timeToInteractive(bench.page, url, writer.cards.length);
      await sleep(1000);
      if (floor) {
        const spec = await floorSpecOf(bench.page, labelOf);
        await bench.close();
        bench = await newPage(browser, [`window.__FLOOR__ = ${JSON.stringify(spec)};`]);
        await timeToInteractive(bench.page, floor.url, spec.nodes.filter((n) => n.type === 'touchpoint').length);
        await sleep(1000);
      }
      const cdp = await bench.page.context().newCDPSession(bench.page);
      const figures: DropFigures[] = [];
      ON_LAST_PAGE.value = p === PAGES;
      for (let drop = 1; drop <= DROPS; drop++) {
        figures.push(await traceDrop(bench.page, cdp, drop, p === PAGES && drop === DROPS));
        await sleep(500);
      }
      const list = (of: (f: DropFigures) => number | null) => figures.map((f) => of(f)?.toFixed(0) ?? '?').join(' / ');
      rows.push(`page ${p}: drop max ${list((f) => f.longest)} ms, release task ${list((f) => f.task)} ms, busy ${list((f) => f.busy)} ms`);
      await bench.close();
    }
    console.log(`\n${floor ? 'floor' : 'ours'}, ${SIZE} touchpoints (the first drop of each page is the benchmark's):`);
    for (const row of rows) console.log(`  ${row}`);
    writer.close();
  } finally {
    await browser.close();
    await floor?.stop();
    await relay.stop();
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
