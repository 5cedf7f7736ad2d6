/**
 * KPI series: what a board with 50 KPIs × 5 years of daily values costs to open, against the same
 * board without values, and how long a 100 000-row CRM export takes to import
 * (`npm run bench:metrics [-- --rounds=7]`). Opening is measured as a page does it: a fresh
 * client syncs the document through the relay, then reads the board's metrics summary.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { startServer } from '../server/app';
import { DEFAULT_CONFIG } from '../server/config';
import { silentLogger } from '../server/log';
import { addKpi, initBoard } from '../src/doc/commands';
import { readBoard } from '../src/doc/projection';
import { detectShape, readEntries } from '../src/model/crmImport';
import { pipelineMetrics } from '../src/model/crmPipeline';
import { defaultBoard } from '../src/model/defaults';
import { dayFromNumber, dayNumber } from '../src/model/kpi';
import { MAX_VALUES_PER_CALL } from '../src/model/metrics';
import { readMetricsFile } from '../src/model/metricsImport';
import { flag, fmt, mib, printTable } from './lib/report';

const ROUNDS = Number(flag('rounds') ?? 7);
const KPIS = 50;
const DAYS = 5 * 365 + 1;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

function connect(wsUrl: string, boardId: string, token: string): Promise<{ doc: Y.Doc; provider: WebsocketProvider }> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, boardId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token },
  });
  // The relay's pushes are for pages; a bench client takes them silently.
  provider.messageHandlers[4] = () => {};
  return new Promise((resolve) => provider.on('sync', (synced: boolean) => synced && resolve({ doc, provider })));
}

async function open(base: string, wsUrl: string, boardId: string, token: string) {
  const started = performance.now();
  const { doc, provider } = await connect(wsUrl, boardId, token);
  const synced = performance.now();
  const res = await fetch(`${base}/api/boards/${boardId}/metrics`, { headers: { Authorization: `Bearer ${token}` } });
  const body = await res.text();
  const done = performance.now();
  const docBytes = Y.encodeStateAsUpdate(doc).byteLength;
  provider.destroy();
  doc.destroy();
  return { syncMs: synced - started, summaryMs: done - synced, totalMs: done - started, docBytes, summaryBytes: body.length };
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parcours-bench-metrics-'));
  const server = await startServer(
    { ...DEFAULT_CONFIG, port: 0, host: '127.0.0.1', dataDir, staticDir: dataDir, logLevel: 'silent' },
    { logger: silentLogger },
  );
  const base = `http://127.0.0.1:${server.port}`;
  const wsUrl = `ws://127.0.0.1:${server.port}/sync`;
  try {
    const { boardId, token } = (await (await fetch(`${base}/api/boards`, { method: 'POST' })).json()) as { boardId: string; token: string };
    const seed = await connect(wsUrl, boardId, token);
    const { journeyId } = initBoard(seed.doc, defaultBoard('fr'))!;
    const stages = readBoard(seed.doc).stages;
    const kpiIds = Array.from({ length: KPIS }, (_, i) =>
      addKpi(seed.doc, journeyId, stages[i % stages.length]!.id, { name: `KPI ${i + 1}`, target: '50', unit: '%' }),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));

    const rounds = async () => {
      const out = [];
      for (let r = 0; r < ROUNDS; r++) out.push(await open(base, wsUrl, boardId, token));
      return out;
    };
    const heap = () => (global.gc?.(), process.memoryUsage().rss);
    const without = await rounds();
    const rssWithout = heap();

    const first = dayNumber('2021-01-01');
    const all = kpiIds.flatMap((kpiId, k) =>
      Array.from({ length: DAYS }, (_, d) => ({
        kpi: kpiId,
        date: dayFromNumber(first + d),
        value: Math.round((40 + 10 * Math.sin(d / 30 + k)) * 100) / 100,
      })),
    );
    const writeStart = performance.now();
    for (let i = 0; i < all.length; i += MAX_VALUES_PER_CALL) {
      const res = await fetch(`${base}/api/boards/${boardId}/metrics?source=file`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ values: all.slice(i, i + MAX_VALUES_PER_CALL) }),
      });
      if (!res.ok) throw new Error(`write failed: ${res.status} ${await res.text()}`);
    }
    const writeMs = performance.now() - writeStart;
    const withSeries = await rounds();
    const rssWith = heap();
    const seriesStart = performance.now();
    const series = (
      await (await fetch(`${base}/api/boards/${boardId}/metrics/${kpiIds[0]}`, { headers: { Authorization: `Bearer ${token}` } })).text()
    ).length;
    const seriesMs = performance.now() - seriesStart;
    seed.provider.destroy();

    const row = (name: string, rs: typeof without, rss: number) => [
      name,
      fmt(median(rs.map((r) => r.syncMs))),
      fmt(median(rs.map((r) => r.summaryMs))),
      fmt(median(rs.map((r) => r.totalMs))),
      fmt(rs[0]!.docBytes / 1024),
      fmt(rs[0]!.summaryBytes / 1024),
      mib(rss),
    ];
    printTable(
      `Opening a board (${KPIS} KPIs), median of ${ROUNDS}`,
      ['board', 'sync ms', 'summary ms', 'total ms', 'doc KiB', 'summary KiB', 'relay RSS MiB'],
      [row('without values', without, rssWithout), row(`${all.length} values`, withSeries, rssWith)],
    );
    console.log(
      `ratio (total, with / without): ${fmt(median(withSeries.map((r) => r.totalMs)) / median(without.map((r) => r.totalMs)), 2)}`,
    );
    console.log(
      `writing ${all.length} values in ${Math.ceil(all.length / MAX_VALUES_PER_CALL)} calls: ${fmt(writeMs)} ms; one KPI's whole series (${DAYS} values, ${fmt(series / 1024)} KiB): ${fmt(seriesMs)} ms`,
    );
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  // A CRM export of 100 000 rows: 25 000 deals through 4 stages over two years.
  const crmStages = ['Prospect', 'Qualified', 'Proposal', 'Won'];
  const lines = ['Deal;Stage;Date entered'];
  for (let d = 0; lines.length <= 100_000; d++) {
    const start = dayNumber('2024-01-01') + (d % 700);
    for (let s = 0; s < crmStages.length && lines.length <= 100_000; s++)
      lines.push(
        `D${d};${crmStages[s]};${dayFromNumber(start + s * 9 + (d % 7))
          .split('-')
          .reverse()
          .join('/')}`,
      );
  }
  const bytes = new TextEncoder().encode(lines.join('\n'));
  const t0 = performance.now();
  const table = await readMetricsFile(bytes, 'export.csv');
  if ('problem' in table) throw new Error(table.problem);
  const t1 = performance.now();
  const read = readEntries(table, detectShape(table.header));
  const t2 = performance.now();
  const mapping = Object.fromEntries(crmStages.map((s, i) => [s, `S${i}`]));
  const metrics = pipelineMetrics(read.entries, mapping, ['S0', 'S1', 'S2', 'S3']);
  const t3 = performance.now();
  const values = Object.values(metrics).reduce((n, m) => n + m.volume.length + m.conversion.length + m.medianDays.length, 0);
  printTable(
    'Importing a CRM export (100 000 rows, ' + fmt(bytes.length / 2 ** 20) + ' MiB)',
    ['step', 'ms'],
    [
      ['parse CSV (papaparse)', fmt(t1 - t0)],
      ['read stage entries', fmt(t2 - t1)],
      [`compute ${values} monthly values`, fmt(t3 - t2)],
      ['total', fmt(t3 - t0)],
    ],
  );
}

await main();
