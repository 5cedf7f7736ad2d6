/** The tables bench/browser.ts prints: ours, the floor and ours / floor, then the targets. */
import type { EditLatency, FrameStats } from './page';
import { fmt, printTable } from './report';

type Stream = FrameStats & { catchUp: number };

/** Everything measured on one page kind (the app or the floor) for one board. */
export interface Measured {
  tti: number[];
  heapMiB: number;
  panZoom: FrameStats;
  drag: FrameStats & { dragged: boolean; drop: FrameStats };
  /** 60 remote edits a second on the view the board opens on (readable cards). */
  streamFirst: Stream;
  /** The same with the whole board in view. */
  streamWhole: Stream;
  keystroke: EditLatency;
}

export interface SizeResult {
  count: number;
  journeys: number;
  /** Touchpoints of the journey on screen. */
  shown: number;
  /** React Flow nodes on screen (cards, cells, headers, rows), as many on the floor. */
  nodes: number;
  ours: Measured;
  floor: Measured;
}

const pct = (share: number) => `${fmt(share * 100, 0)}%`;
const ratio = (ours: number, floor: number) => (floor === 0 ? (ours === 0 ? '1.00×' : '–') : `${fmt(ours / floor, 2)}×`);
const worst = (m: Measured) => (m.streamWhole.dropped >= m.streamFirst.dropped ? m.streamWhole : m.streamFirst);

/** The figures compared, as [column, value of a measurement]. */
const FIGURES: [string, (m: Measured) => number, (v: number) => string][] = [
  ['TTI ms (max)', (m) => Math.max(...m.tti), (v) => fmt(v, 0)],
  ['heap MiB', (m) => m.heapMiB, (v) => fmt(v, 1)],
  ['pan+zoom p95', (m) => m.panZoom.p95, (v) => fmt(v)],
  ['max', (m) => m.panZoom.longest, (v) => fmt(v, 0)],
  ['>25ms', (m) => m.panZoom.dropped, pct],
  ['drag p95', (m) => m.drag.p95, (v) => fmt(v)],
  ['max', (m) => m.drag.longest, (v) => fmt(v, 0)],
  ['>25ms', (m) => m.drag.dropped, pct],
  ['drop max', (m) => m.drag.drop.longest, (v) => fmt(v, 0)],
  ['60 edits/s p95', (m) => m.streamFirst.p95, (v) => fmt(v)],
  ['>25ms', (m) => m.streamFirst.dropped, pct],
  ['behind ms', (m) => m.streamFirst.catchUp, (v) => fmt(v, 0)],
  ['whole board p95', (m) => m.streamWhole.p95, (v) => fmt(v)],
  ['>25ms', (m) => m.streamWhole.dropped, pct],
  ['behind ms', (m) => m.streamWhole.catchUp, (v) => fmt(v, 0)],
  ['keystroke p50', (m) => m.keystroke.arrival.p50, (v) => fmt(v)],
  ['p95', (m) => m.keystroke.arrival.p95, (v) => fmt(v)],
];

interface Target {
  what: string;
  limit: Record<number, number>;
  value(m: Measured): number;
  unit: string;
}

const TARGETS: Target[] = [
  { what: 'time to interactive', limit: { 1000: 1000, 5000: 2500 }, value: (m) => Math.max(...m.tti), unit: 'ms' },
  { what: '60 remote edits/s: frames > 25 ms', limit: { 1000: 2, 5000: 10 }, value: (m) => worst(m).dropped * 100, unit: '%' },
  { what: 'remote keystroke, arrival → painted, p95', limit: { 1000: 20, 5000: 33 }, value: (m) => m.keystroke.arrival.p95, unit: 'ms' },
  { what: 'pan and zoom, p95 frame', limit: { 1000: 16.8, 5000: 25 }, value: (m) => m.panZoom.p95, unit: 'ms' },
  { what: 'drag, from the click, max frame', limit: { 1000: 33, 5000: 50 }, value: (m) => m.drag.longest, unit: 'ms' },
  { what: 'JS heap', limit: { 1000: 40, 5000: 150 }, value: (m) => m.heapMiB, unit: 'MiB' },
];

export function printResults(results: readonly SizeResult[], run: { edits: number; streamSeconds: number }): void {
  for (const r of results) {
    printTable(
      `${r.count} touchpoints, ${r.journeys} journey${r.journeys > 1 ? 's' : ''}: ${r.shown} cards and ${r.nodes} nodes on screen (headless Chromium, software rendering, 1440×900; ${run.edits} keystrokes, streams of ${run.streamSeconds} s)`,
      ['', ...FIGURES.map(([name]) => name)],
      [
        ['ours', ...FIGURES.map(([, get, show]) => show(get(r.ours)))],
        ['floor', ...FIGURES.map(([, get, show]) => show(get(r.floor)))],
        ['ours / floor', ...FIGURES.map(([, get]) => ratio(get(r.ours), get(r.floor)))],
      ],
    );
    const e2e = r.ours.keystroke.endToEnd;
    console.log(
      `  keystroke in one page → painted in the other: p50 ${fmt(e2e?.p50 ?? NaN)} / p95 ${fmt(e2e?.p95 ?? NaN)} ms (${r.ours.keystroke.edits} of ${run.edits} seen)` +
        `${r.ours.drag.dragged ? '' : '; the drag did not start!'}${r.floor.drag.dragged ? '' : '; the floor drag did not start!'}; TTI of each load: ${r.ours.tti.map((t) => fmt(t, 0)).join(', ')} (floor ${r.floor.tti.map((t) => fmt(t, 0)).join(', ')})`,
    );
  }
  const rows = TARGETS.flatMap((target) =>
    results
      .filter((r) => target.limit[r.count] !== undefined)
      .map((r) => {
        const value = target.value(r.ours);
        const limit = target.limit[r.count] as number;
        const floor = target.value(r.floor);
        // Compared as shown, to 0.1: a frame time of 16.8000001 ms is one vsync, as 16.8 is.
        const met = Math.round(value * 10) <= Math.round(limit * 10);
        return [
          `${target.what} (${r.count})`,
          `≤ ${fmt(limit, limit % 1 ? 1 : 0)} ${target.unit}`,
          `${fmt(value)} ${target.unit}`,
          met ? 'met' : 'missed',
          `${fmt(floor)} ${target.unit}`,
          ratio(value, floor),
        ];
      }),
  );
  if (rows.length) printTable('Targets', ['', 'target', 'ours', '', 'floor', 'ours / floor'], rows);
}
