import fs from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LAYOUT } from '../../src/model/layout';
import { newPerson, pngSize, shareLink, appUnderTest } from '../helpers/browser';

const app = appUnderTest();

/** The card whose accessible name mentions `text`. */
const card = (page: Page, text: string): Locator => page.getByRole('article', { name: new RegExp(text) });
const cell = (page: Page, stage: string, channel: string): Locator =>
  page.getByRole('group', { name: `${stage} × ${channel}`, exact: true });

async function centreOf(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element has no box');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
}

async function isInside(inner: Locator, outer: Locator): Promise<boolean> {
  const c = await centreOf(inner);
  const o = await centreOf(outer);
  return c.x > o.box.x && c.x < o.box.x + o.box.width && c.y > o.box.y && c.y < o.box.y + o.box.height;
}

describe('two people on one board', () => {
  it('see each other and every edit to a touchpoint, and export the whole map', async () => {
    const alice = await newPerson(app.browser, 'Alice Martin', '#7c3aed');
    const bruno = await newPerson(app.browser, 'Bruno Petit', '#db2777');
    const a = alice.page;
    const b = bruno.page;

    await a.goto(app.relay.httpUrl);
    await a.getByRole('button', { name: /Nouveau tableau/ }).click();
    await expect.poll(() => a.url()).toMatch(/\/b\/[A-Za-z0-9_-]{22}$/);
    await a.getByRole('heading', { name: 'Découverte' }).waitFor();
    // Bruno joins through a participant link: he edits cards, not the structure.
    await b.goto(await shareLink(a, 'participant'));
    await b.getByRole('heading', { name: 'Découverte' }).waitFor();

    // Presence: each sees the other.
    await a.getByRole('button', { name: 'Bruno Petit' }).waitFor();
    await b.getByRole('button', { name: 'Alice Martin' }).waitFor();
    await expect.poll(() => a.getByRole('status', { name: /Connecté/ }).count()).toBe(1);

    // Create and write a touchpoint in place.
    await cell(a, 'Découverte', 'Site web').dblclick();
    await a.getByRole('textbox', { name: 'Texte du point de contact' }).fill('Je découvre la marque sur un moteur de recherche');
    await a.keyboard.press('Enter');
    await card(b, 'Je découvre la marque').waitFor();

    // Recolour: the other page shows it by colour and by word.
    await card(a, 'Je découvre la marque').click();
    await a.getByRole('button', { name: 'Irritant', exact: true }).click();
    await card(b, 'Je découvre la marque.*Irritant').waitFor();

    // Undo touches only Alice's own last edit.
    await a.keyboard.press('Control+z');
    await card(b, 'Je découvre la marque.*Non évalué').waitFor();
    await a.keyboard.press('Control+Shift+z');
    await card(b, 'Je découvre la marque.*Irritant').waitFor();

    // Drag the card to another cell: it snaps there on both pages. (It is selected: a card that
    // is not selected stays put, and the drag pans the board.)
    await card(a, 'Je découvre la marque').click();
    const from = await centreOf(card(a, 'Je découvre la marque'));
    const to = await centreOf(cell(a, 'Achat', 'Email'));
    await a.mouse.move(from.x, from.y);
    await a.mouse.down();
    await a.mouse.move(from.x + 20, from.y + 10, { steps: 4 });
    await a.mouse.move(to.x, to.y - 20, { steps: 12 });
    await a.mouse.up();
    await expect.poll(() => isInside(card(b, 'Je découvre la marque'), cell(b, 'Achat', 'Email')), { timeout: 5000 }).toBe(true);
    expect(await isInside(card(a, 'Je découvre la marque'), cell(a, 'Achat', 'Email'))).toBe(true);

    // Bruno edits too, and Alice sees it.
    await cell(b, 'Usage & fidélisation', 'Application mobile').dblclick();
    await b.getByRole('textbox', { name: 'Texte du point de contact' }).fill('Je suis ma commande dans l’application');
    await b.keyboard.press('Enter');
    await card(a, 'Je suis ma commande').waitFor();

    // Export: the whole map (not only the zoomed-in viewport), crisp: 2× the width of the matrix on screen.
    await a.getByRole('button', { name: 'Zoomer', exact: true }).click();
    await a.getByRole('button', { name: 'Exporter le poster…' }).click();
    const exportDialog = a.getByRole('dialog', { name: 'Exporter le poster' });
    const matrixWidth = LAYOUT.channelHeaderWidth + 5 * LAYOUT.stageWidth;
    await exportDialog.getByRole('combobox', { name: 'Format' }).selectOption('custom');
    await exportDialog.getByRole('spinbutton', { name: 'Largeur en pixels' }).fill(String(2 * matrixWidth));
    const [download] = await Promise.all([a.waitForEvent('download'), exportDialog.getByRole('button', { name: 'Exporter' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^nouveau-parcours-client-parcours-existant-.*\.png$/);
    const file = path.join(app.relay.dataDir, 'export.png');
    await download.saveAs(file);
    const bytes = new Uint8Array(fs.readFileSync(file));
    const size = pngSize(bytes);
    expect(size.width).toBe(2 * matrixWidth);
    expect(size.height).toBeGreaterThan(LAYOUT.stageHeaderHeight + 6 * LAYOUT.cardHeight);
    // The image really decodes: its compressed data inflates to the expected number of bytes.
    expect(idatLength(bytes, size)).toBe(true);
    await exportDialog.getByRole('button', { name: 'Fermer' }).click();

    await alice.context.close();
    await bruno.context.close();
  });
});

/** Inflates the IDAT chunks and checks the raw size matches width × height (RGBA or RGB, one filter byte a row). */
function idatLength(bytes: Uint8Array, size: { width: number; height: number }): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const colourType = bytes[25];
  const channels = colourType === 6 ? 4 : colourType === 2 ? 3 : 0;
  const parts: Uint8Array[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (type === 'IDAT') parts.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(parts));
  return channels > 0 && raw.length === size.height * (1 + size.width * channels);
}
