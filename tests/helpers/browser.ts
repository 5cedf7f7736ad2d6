/** Headless Debian Chromium driven by playwright-core, for the end-to-end suite. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT, cleanupTempDirs, destroyAllClients, killAllRelayProcesses, startRelayProcess, type RelayProcess } from './relay';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Chromium with a fresh profile. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian's chromium package (see .ci/run) or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** A separate person: their own context (storage), who has already told the app their name. */
export async function newPerson(browser: Browser, name: string, color = '#2563eb'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  await context.addInitScript(
    ([n, c]) => {
      if (!localStorage.getItem('parcours.identity')) localStorage.setItem('parcours.identity', JSON.stringify({ name: n, color: c }));
    },
    [name, color],
  );
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw new Error(`page error in ${name}'s page: ${error.message}`);
  });
  return { context, page };
}

/** Reads the width and height from a PNG's IHDR chunk; throws if the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) throw new Error('not a PNG file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') throw new Error('PNG without IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Creates a share link for `role` through the board's share dialog and returns it. */
export async function shareLink(page: Page, role: 'facilitator' | 'participant' | 'viewer'): Promise<string> {
  const names = { facilitator: 'Animateur·rice', participant: 'Participant·e', viewer: 'Lecture seule' };
  await page.getByRole('button', { name: 'Partager…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Partager le tableau' });
  await dialog.getByRole('radio', { name: new RegExp(names[role]) }).check();
  await dialog.getByRole('button', { name: 'Créer le lien' }).click();
  const url = await dialog
    .getByRole('textbox', { name: `Lien ${names[role]}` })
    .first()
    .inputValue();
  await page.keyboard.press('Escape');
  return url;
}

export interface AppUnderTest {
  /** The relay started with `npm start`'s settings, serving the built app (dist/). */
  readonly relay: RelayProcess;
  readonly browser: Browser;
}

/**
 * Registers the suite's setup: the real server (the built app and the relay on one port, fresh
 * data) and one Chromium, both stopped after the suite.
 */
export function appUnderTest(): AppUnderTest {
  let relay: RelayProcess | null = null;
  let browser: Browser | null = null;
  beforeAll(async () => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'index.html')))
      throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
    relay = await startRelayProcess({ staticDir: 'dist' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    destroyAllClients();
    await browser?.close();
    await killAllRelayProcesses();
    cleanupTempDirs();
  });
  return {
    get relay() {
      if (!relay) throw new Error('the relay is not started yet');
      return relay;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not started yet');
      return browser;
    },
  };
}
