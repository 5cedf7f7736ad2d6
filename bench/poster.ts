/**
 * Poster export benchmark: seeds boards of 300 and 1 000 touchpoints on a local relay, exports
 * A3 at 150 dpi and A0 at 300 dpi through the real UI in headless Chromium, and prints the time,
 * the page's peak JS heap (CDP Performance.getMetrics) and the peak RSS of all Chromium
 * processes (browser, renderer, GPU, the worker's renderer), sampled every 100 ms.
 *
 *   npm run bench:poster            (builds dist/ first)
 */
import fs from 'node:fs';
import path from 'node:path';
import { readBoard } from '../src/doc/projection';
import { launchChromium, newPerson } from '../tests/helpers/browser';
import {
  cleanupTempDirs,
  connectClient,
  createTestBoard,
  destroyAllClients,
  killAllRelayProcesses,
  startRelayProcess,
  waitFor,
} from '../tests/helpers/relay';
import { bigBoard } from '../tests/helpers/richBoard';

interface Case {
  format: 'A3' | 'A0';
  dpi: 150 | 300;
  touchpoints: number;
}

const CASES: Case[] = [
  { format: 'A3', dpi: 150, touchpoints: 300 },
  { format: 'A3', dpi: 150, touchpoints: 1000 },
  { format: 'A0', dpi: 300, touchpoints: 300 },
  { format: 'A0', dpi: 300, touchpoints: 1000 },
];

/** Resident memory (bytes) of `pid` and all its descendants, from /proc. */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
      rss.set(Number(entry), Number(fields[21]) * 4096);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop() as number;
    total += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;

async function main(): Promise<void> {
  const relay = await startRelayProcess({ staticDir: 'dist' });
  const browser = await launchChromium();
  // The browser is a child of this process (playwright-core spawns it); the relay is the other, a node.
  const browserPid = Number(
    fs
      .readdirSync('/proc')
      .filter((e) => /^\d+$/.test(e))
      .find((e) => {
        try {
          const stat = fs.readFileSync(`/proc/${e}/stat`, 'utf8');
          return (
            Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid &&
            fs.readFileSync(`/proc/${e}/cmdline`, 'utf8').includes('chrom')
          );
        } catch {
          return false;
        }
      }) ?? 0,
  );
  console.log(`Chromium pid ${browserPid || 'not found (RSS not measured)'}`);
  const rows: string[] = [];
  try {
    for (const c of CASES) {
      const { boardId, token, params } = await createTestBoard(relay.httpUrl);
      const { doc } = bigBoard(c.touchpoints);
      const seedClient = connectClient(relay.wsUrl, boardId, doc, params);
      await seedClient.synced;
      const probe = connectClient(relay.wsUrl, boardId, undefined, params);
      await probe.synced;
      await waitFor(() => readBoard(probe.doc).touchpoints.length === c.touchpoints, 30_000, 'seeded board');
      seedClient.destroy();
      probe.destroy();
      const { page, context } = await newPerson(browser, 'Bench');
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(`${relay.httpUrl}/b/${boardId}?t=${encodeURIComponent(token)}`);
      await page.getByRole('heading', { name: 'Découverte' }).first().waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Exporter le poster…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Exporter le poster' });
      await dialog.getByRole('combobox', { name: 'Format' }).selectOption(c.format);
      await dialog.getByRole('radio', { name: `${c.dpi} dpi` }).check();
      const baseRss = browserPid ? treeRss(browserPid) : 0;
      let peakHeap = 0;
      let peakRss = 0;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
          peakHeap = Math.max(peakHeap, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
          if (browserPid) peakRss = Math.max(peakRss, treeRss(browserPid));
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
      const started = performance.now();
      const downloading = page.waitForEvent('download', { timeout: 600_000 });
      await dialog.getByRole('button', { name: 'Exporter', exact: true }).click();
      const download = await downloading;
      const seconds = (performance.now() - started) / 1000;
      sampling = false;
      await sampler;
      const file = path.join(relay.dataDir, download.suggestedFilename());
      await download.saveAs(file);
      const row = `| ${c.format} ${c.dpi} dpi | ${c.touchpoints} | ${seconds.toFixed(1)} s | ${mb(fs.statSync(file).size)} | ${mb(peakHeap)} | ${mb(peakRss)} (before: ${mb(baseRss)}) |`;
      console.log(row);
      rows.push(row);
      fs.rmSync(file);
      await context.close();
    }
  } finally {
    destroyAllClients();
    await browser.close();
    await killAllRelayProcesses();
    cleanupTempDirs();
  }
  console.log(
    '\n| poster | touchpoints | export time | file | peak page JS heap | peak Chromium RSS |\n| --- | --- | --- | --- | --- | --- |',
  );
  for (const row of rows) console.log(row);
}

await main();
