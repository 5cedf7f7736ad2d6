/**
 * Where a board's load goes: `tsx bench/profileLoad.ts [--size=1000] [--dist=dir] [--cpu=file.cpuprofile] [--loads=3]`.
 * Seeds a board as bench/browser.ts does, opens it in headless Chromium and prints, on the page's
 * clock from navigation start, when each request started and ended, when the sync socket opened
 * and got its first messages, the long tasks, and the time to interactive.
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

async function main(): Promise<void> {
  const relay = await startRelay('parcours', { env: { STATIC_DIR: DIST } });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS, headless: true });
  try {
    const writer = await seedBoard(relay, SIZE, SIZE >= 5000 ? 4 : 1);
    const url = `http://127.0.0.1:${relay.port}/b/${writer.board}?t=${encodeURIComponent(relay.params(writer.board).token ?? '')}`;
    for (let load = 0; load < LOADS; load++) {
      const { page, close } = await newPage(browser, [WATCH]);
      const cdp = await page.context().newCDPSession(page);
      const cpu = flag('cpu') && load === LOADS - 1;
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
