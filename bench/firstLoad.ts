/**
 * What a first visit downloads: `npm run bench:firstload [-- --encoding=identity --files]`. Starts the
 * compiled relay on the build (as `npm start`), then in fresh browser profiles (empty cache)
 * opens the home page, and a board through a participant link (what someone who was sent the
 * link gets), and sums what came over the wire until the page is ready and the network idle.
 * The service worker is kept out of those two; a third visit lets it install and counts what it
 * downloads in the background for offline use. `--encoding=identity` asks for uncompressed files, `--files` lists them.
 */
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { launchChromium, newPerson, shareLink } from '../tests/helpers/browser';
import { cleanupTempDirs, killAllRelayProcesses, startRelayProcess } from '../tests/helpers/relay';
import { flag, fmt, printTable } from './lib/report';

interface Transfer {
  requests: number;
  /** Response bodies as sent (compressed when the server compressed them). */
  bodyBytes: number;
  headerBytes: number;
  /** Response bodies once decoded. */
  decodedBytes: number;
  scripts: number;
}

async function newVisitor(browser: Browser, serviceWorkers: 'allow' | 'block', encoding: string | undefined): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    serviceWorkers,
    ...(encoding ? { extraHTTPHeaders: { 'Accept-Encoding': encoding } } : {}),
  });
  await context.addInitScript(() => localStorage.setItem('parcours.identity', JSON.stringify({ name: 'Visitor', color: '#2563eb' })));
  return context;
}

/** Sums the finished requests that `keep` selects. */
async function total(requests: Request[], keep: (request: Request) => boolean): Promise<Transfer> {
  const sum: Transfer = { requests: 0, bodyBytes: 0, headerBytes: 0, decodedBytes: 0, scripts: 0 };
  for (const request of requests.filter(keep)) {
    const response = await request.response();
    if (!response) continue;
    const sizes = await request.sizes();
    sum.requests += 1;
    // Served from the HTTP cache (the service worker re-reading what the page loaded): nothing crossed the wire.
    sum.bodyBytes += Math.max(0, sizes.responseBodySize);
    sum.headerBytes += Math.max(0, sizes.responseHeadersSize);
    sum.decodedBytes += (await response.body().catch(() => Buffer.alloc(0))).length;
    if (request.resourceType() === 'script') sum.scripts += 1;
    if (flag('files')) console.log(`${String(Math.max(0, sizes.responseBodySize)).padStart(8)}  ${new URL(request.url()).pathname}`);
  }
  return sum;
}

async function visit(context: BrowserContext, url: string, ready: (page: Page) => Promise<void>): Promise<Request[]> {
  const requests: Request[] = [];
  context.on('requestfinished', (request) => requests.push(request));
  const page = await context.newPage();
  await page.goto(url);
  await ready(page);
  await page.waitForLoadState('networkidle');
  return requests;
}

const kB = (bytes: number) => fmt(bytes / 1000, 1);

async function main(): Promise<void> {
  const encoding = flag('encoding');
  const relay = await startRelayProcess({ compiled: true, staticDir: 'dist' });
  const browser = await launchChromium();
  try {
    const creator = await newPerson(browser, 'Facilitator');
    await creator.page.goto(relay.httpUrl);
    await creator.page.getByRole('button', { name: /Nouveau tableau/ }).click();
    await creator.page.getByRole('heading', { name: 'Découverte' }).waitFor();
    const link = await shareLink(creator.page, 'participant');

    const homeReady = (page: Page) => page.getByRole('button', { name: /Nouveau tableau/ }).waitFor();
    const boardReady = (page: Page) => page.getByRole('heading', { name: 'Découverte' }).waitFor();
    const ownFiles = (request: Request) => request.url().startsWith(relay.httpUrl) && !request.url().includes('/api/');
    const rows: [string, Transfer][] = [];
    const home = await newVisitor(browser, 'block', encoding);
    rows.push(['home page', await total(await visit(home, relay.httpUrl, homeReady), ownFiles)]);
    const board = await newVisitor(browser, 'block', encoding);
    rows.push(['board page (participant link)', await total(await visit(board, link, boardReady), ownFiles)]);

    const installing = await newVisitor(browser, 'allow', encoding);
    const requests = await visit(installing, relay.httpUrl, async (page) => {
      await homeReady(page);
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    });
    rows.push([
      'service worker, after the home page (background)',
      await total(requests, (request) => ownFiles(request) && request.serviceWorker() !== null),
    ]);

    printTable(
      `First visit, empty cache, Accept-Encoding: ${encoding ?? "Chromium's own"} (the app's files; API calls and the websocket left out)`,
      ['what', 'requests', 'scripts', 'transferred (kB)', 'of which headers (kB)', 'decoded (kB)'],
      rows.map(([what, t]) => [
        what,
        String(t.requests),
        String(t.scripts),
        kB(t.bodyBytes + t.headerBytes),
        kB(t.headerBytes),
        kB(t.decodedBytes),
      ]),
    );
  } finally {
    await browser.close();
    await killAllRelayProcesses();
    cleanupTempDirs();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
