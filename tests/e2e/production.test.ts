/**
 * The relay as `npm start` runs it: the compiled bundle (dist-server/, from `npm run build`)
 * serving the built app, precompressed, to a real browser.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPerson } from '../helpers/browser';
import {
  COMPILED_RELAY,
  REPO_ROOT,
  cleanupTempDirs,
  killAllRelayProcesses,
  makeTempDir,
  startRelayProcess,
  type RelayProcess,
} from '../helpers/relay';

const DIST = path.join(REPO_ROOT, 'dist');

let relay: RelayProcess;
let browser: Browser;

beforeAll(async () => {
  for (const built of [path.join(DIST, 'index.html'), COMPILED_RELAY]) {
    if (!fs.existsSync(built))
      throw new Error(`${path.relative(REPO_ROOT, built)} is missing: run \`npm run build\` first (npm test does)`);
  }
  // As `npm start`: from the repository root, the app from the default ./dist.
  relay = await startRelayProcess({ compiled: true, env: { STATIC_DIR: undefined } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await killAllRelayProcesses();
  cleanupTempDirs();
});

/** The address of the chunk a module loaded on demand starts, from the build's manifest. */
function chunkOf(source: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'asset-manifest.json'), 'utf8')) as Record<string, { file: string }>;
  const entry = manifest[source];
  if (!entry) throw new Error(`${source} is not a chunk of its own in the build`);
  return `/${entry.file}`;
}

/** The file under dist/ a response of the relay came from. */
function builtFile(response: Response): string {
  const { pathname } = new URL(response.url());
  return path.join(DIST, pathname.startsWith('/assets/') ? pathname : 'index.html');
}

describe('the compiled relay', () => {
  it('serves the app compressed to the browser, and a new board works from it', async () => {
    const { context, page } = await newPerson(browser, 'Chloé Durand');
    const responses: Response[] = [];
    page.on('response', (response) => {
      if (response.url().startsWith(relay.httpUrl) && !response.url().includes('/api/')) responses.push(response);
    });
    await page.goto(relay.httpUrl);
    await page.getByRole('button', { name: /Nouveau tableau/ }).click();
    await expect.poll(() => page.url()).toMatch(/\/b\/[A-Za-z0-9_-]{22}$/);
    await page.getByRole('heading', { name: 'Découverte' }).waitFor();
    await expect.poll(() => page.getByRole('status', { name: /Connecté/ }).count()).toBe(1);

    const files = responses.filter((response) => /\/assets\/.+\.(js|css)$/.test(response.url()));
    expect(files.length).toBeGreaterThan(0);
    for (const response of [responses[0] as Response, ...files]) {
      const file = builtFile(response);
      expect(response.status(), response.url()).toBe(200);
      expect(response.headers()['content-encoding'], response.url()).toBe('br');
      expect(response.headers().vary, response.url()).toBe('Accept-Encoding');
      // What was sent is the brotli copy, not the file.
      const length = Number(response.headers()['content-length']);
      expect(length, response.url()).toBe(fs.statSync(`${file}.br`).size);
      expect(length, response.url()).toBeLessThan(fs.statSync(file).size);
      expect((await response.body()).equals(fs.readFileSync(file)), response.url()).toBe(true);
    }

    // What the board does not need came later, or not at all: the poster export, the open-data
    // dialogs (board files and their schema, CSV) and the other dialogs.
    const fetched = () => responses.map((response) => new URL(response.url()).pathname);
    const later = [
      'src/components/export/ExportDialog.tsx',
      'src/components/data/DataDialogs.tsx',
      'src/components/data/ImportBoardDialog.tsx',
      'src/components/sharing/ShareDialog.tsx',
    ];
    for (const source of later) expect(fetched(), source).not.toContain(chunkOf(source));
    await page.getByRole('button', { name: 'Exporter le poster…' }).click();
    await page.getByRole('dialog', { name: 'Exporter le poster' }).waitFor();
    expect(fetched()).toContain(chunkOf('src/components/export/ExportDialog.tsx'));
    await page.keyboard.press('Escape');

    // The service worker keeps every part, so one never opened before opens offline too.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Découverte' }).waitFor();
    await page.getByRole('button', { name: 'Données…' }).click();
    await page.getByRole('dialog', { name: 'Données du tableau' }).waitFor();
    await context.close();
  });

  it("requests a board page's files while the app's own code is still coming, on a board's address only", async () => {
    // Without the service worker, which would answer from its cache where the test holds requests.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
    await context.addInitScript(() =>
      localStorage.setItem('parcours.identity', JSON.stringify({ name: 'Chloé Durand', color: '#2563eb' })),
    );
    const page = await context.newPage();
    await page.goto(relay.httpUrl);
    await page.getByRole('button', { name: /Nouveau tableau/ }).click();
    await expect.poll(() => page.url()).toMatch(/\/b\/[A-Za-z0-9_-]{22}$/);
    const board = page.url();
    await page.getByRole('heading', { name: 'Découverte' }).waitFor();

    const entry = chunkOf('index.html');
    const boardPage = chunkOf('src/components/board/BoardPage.tsx');
    /** Loads `url` with the app's entry chunk held back until `boardPage` was asked for (or 3 s): whether it was. */
    const askedWhileHeld = async (url: string) => {
      let asked!: () => void;
      const boardPageAsked = new Promise<void>((resolve) => (asked = resolve));
      const onRequest = (request: { url(): string }) => {
        if (new URL(request.url()).pathname === boardPage) asked();
      };
      page.on('request', onRequest);
      let wasAsked = false;
      await page.route(`**${entry}`, async (route) => {
        wasAsked = await Promise.race([boardPageAsked.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 3000))]);
        await route.continue();
      });
      await page.goto(url);
      // A request still held when the route goes (a late preload of the entry) must be let through.
      await page.unrouteAll({ behavior: 'wait' });
      page.off('request', onRequest);
      return wasAsked;
    };
    expect(await askedWhileHeld(board)).toBe(true);
    await page.getByRole('heading', { name: 'Découverte' }).waitFor();
    expect(await askedWhileHeld(relay.httpUrl)).toBe(false);
    await context.close();
  });

  it('resolves DATA_DIR and STATIC_DIR against its working directory, wherever it is started', async () => {
    const cwd = makeTempDir('parcours-cwd-');
    const elsewhere = await startRelayProcess({ compiled: true, cwd, env: { DATA_DIR: undefined, STATIC_DIR: path.relative(cwd, DIST) } });
    const page = await fetch(elsewhere.httpUrl, { headers: { 'accept-encoding': 'br' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-encoding')).toBe('br');
    // fetch decodes the body itself.
    expect(await page.text()).toBe(fs.readFileSync(path.join(DIST, 'index.html'), 'utf8'));
    expect((await fetch(`${elsewhere.httpUrl}/api/boards`, { method: 'POST' })).status).toBe(201);
    expect(fs.existsSync(path.join(cwd, 'data', 'parcours.sqlite'))).toBe(true);
    await elsewhere.kill();

    // Without STATIC_DIR, ./dist is looked for where it was started: the relay runs and says so.
    const unbuilt = await startRelayProcess({ compiled: true, cwd, env: { DATA_DIR: undefined, STATIC_DIR: undefined } });
    const missing = await fetch(unbuilt.httpUrl);
    expect(missing.status).toBe(503);
    expect(await missing.text()).toContain('npm run build');
    await unbuilt.kill();
  });
});
