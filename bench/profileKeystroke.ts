/**
 * One person types into a card, another watches: `tsx bench/profileKeystroke.ts [--size=1000]
 * [--dist=dir] [--edits=150] [--cpu=file.cpuprofile]`. Seeds a board as bench/browser.ts does,
 * opens it in two pages and prints the watching page's arrival → painted and typed → painted
 * p50 and p95 (ms), as the benchmark's remote keystroke does, on its own and in a minute. With
 * `--cpu`, the watching page is sampled by the JS profiler while the keys are typed (an unminified
 * build, `npx vite build --minify false --outDir dir` and `--dist=dir`, gives names).
 */
import fs from 'node:fs';
import path from 'node:path';
import { seedBoard } from './lib/boards';
import { newPage, remoteEditLatency, timeToInteractive } from './lib/page';
import { launchChromium } from '../tests/helpers/browser';
import { REPO_ROOT, startRelay } from './lib/relays';
import { flag, fmt, sleep } from './lib/report';

const SIZE = Number(flag('size') ?? 1000);
const DIST = path.resolve(flag('dist') ?? path.join(REPO_ROOT, 'dist'));
const EDITS = Number(flag('edits') ?? 150);
async function main() {
  const relay = await startRelay('parcours', { env: { STATIC_DIR: DIST } });
  const browser = await launchChromium();
  try {
    const writer = await seedBoard(relay, SIZE, 1);
    const url = `http://127.0.0.1:${relay.port}/b/${writer.board}?t=${encodeURIComponent(relay.params(writer.board).token ?? '')}`;
    const viewer = await newPage(browser);
    await timeToInteractive(viewer.page, url, writer.cards.length);
    const typist = await newPage(browser);
    await timeToInteractive(typist.page, url, writer.cards.length);
    await sleep(1000);
    const cdp = await viewer.page.context().newCDPSession(viewer.page);
    const cpu = flag('cpu');
    if (cpu) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const r = await remoteEditLatency(typist.page, viewer.page, EDITS);
    if (cpu) {
      const { profile } = await cdp.send('Profiler.stop');
      fs.writeFileSync(cpu, JSON.stringify(profile));
    }
    const ms = (q: { p50: number; p95: number } | null) => (q ? `p50 ${fmt(q.p50)} / p95 ${fmt(q.p95)} ms` : '–');
    console.log(`${SIZE} touchpoints, ${r.edits} keys shown`);
    console.log(`  arrival → painted: ${ms(r.arrival)}`);
    console.log(`  typed → painted:   ${ms(r.endToEnd)}`);
  } finally {
    await browser.close();
    await relay.stop();
  }
}
void main();
