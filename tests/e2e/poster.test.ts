import fs from 'node:fs';
import path from 'node:path';
import type * as Y from 'yjs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readBoard } from '../../src/doc/projection';
import { fitToPage, posterMargin } from '../../src/model/poster';
import { posterPixels } from '../../src/model/paper';
import { newPerson, appUnderTest } from '../helpers/browser';
import { decodePng, writePng } from '../helpers/pngDecode';
import { REPO_ROOT, connectClient, createTestBoard, waitFor } from '../helpers/relay';
import { bigBoard } from '../helpers/richBoard';

const app = appUnderTest();

/**
 * Pushes a document to a new board on the relay and waits until a second client sees all of it.
 * Resolves with the board's facilitator link.
 */
async function seed(doc: Y.Doc): Promise<string> {
  const { boardId, token, params } = await createTestBoard(app.relay.httpUrl);
  const writer = connectClient(app.relay.wsUrl, boardId, doc, params);
  await writer.synced;
  const probe = connectClient(app.relay.wsUrl, boardId, undefined, params);
  await probe.synced;
  const want = readBoard(doc).touchpoints.length;
  await waitFor(() => readBoard(probe.doc).touchpoints.length === want, 15_000, 'the seeded board on the relay');
  writer.destroy();
  probe.destroy();
  return `${app.relay.httpUrl}/b/${boardId}?t=${encodeURIComponent(token)}`;
}

const hex = (rgb: number[]) =>
  rgb
    .slice(0, 3)
    .map((v) => v.toString(16).padStart(2, '0'))
    .join('');

/** Centre-left points of the three legend swatches, in poster CSS px, and the poster's size, read while the export runs. */
async function legendGeometry(page: Page) {
  await page.locator('.poster[data-ready="true"]').waitFor({ state: 'attached', timeout: 60_000 });
  return page.evaluate(() => {
    const poster = document.querySelector<HTMLElement>('.poster')!;
    const origin = poster.getBoundingClientRect();
    const swatches = ['delight', 'improvable', 'pain'].map((ev) => {
      const r = document.querySelector(`[data-legend="${ev}"] .p-legend__swatch`)!.getBoundingClientRect();
      // 4 px in from the swatch's left edge, halfway down: inside the coloured disc, clear of the white symbol.
      return { ev, x: r.left - origin.left + 4, y: r.top - origin.top + r.height / 2 };
    });
    return { swatches, content: { width: poster.offsetWidth, height: poster.offsetHeight } };
  });
}

describe('the poster', () => {
  it('exports a 300-touchpoint journey as an A0 poster at 300 dpi, decoded and checked pixel by pixel', async () => {
    const { doc } = bigBoard(300);
    const link = await seed(doc);
    const { page, context } = await newPerson(app.browser, 'Camille Durand');
    await page.goto(link);
    await page.getByRole('heading', { name: 'Découverte' }).first().waitFor();
    await page.getByRole('button', { name: 'Exporter le poster…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Exporter le poster' });
    await dialog.getByRole('combobox', { name: 'Format' }).selectOption('A0');
    await dialog.getByRole('radio', { name: 'Paysage' }).check();
    await dialog.getByRole('radio', { name: '300 dpi' }).check();
    await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/14\s043 × 9\s933 px/);
    const started = Date.now();
    const downloading = page.waitForEvent('download', { timeout: 300_000 });
    await dialog.getByRole('button', { name: 'Exporter' }).click();
    const geometry = await legendGeometry(page);
    // The page stays responsive while strips render: a click on Cancel would be handled.
    await dialog.getByRole('progressbar').waitFor();
    const download = await downloading;
    const exportMs = Date.now() - started;
    expect(download.suggestedFilename()).toMatch(/^carte-complete-300-points-de-contact-parcours-existant-A0-300dpi\.png$/);
    const file = path.join(app.relay.dataDir, 'poster.png');
    await download.saveAs(file);
    await dialog.getByRole('status').filter({ hasText: 'Poster téléchargé' }).waitFor();

    const pageSize = posterPixels({ kind: 'paper', format: 'A0', orientation: 'landscape', dpi: 300 });
    const fit = fitToPage(geometry.content, pageSize, posterMargin(pageSize));
    const points = geometry.swatches.map(
      (s) => [Math.round(fit.x + s.x * fit.scale), Math.round(fit.y + s.y * fit.scale)] as [number, number],
    );
    const png = await decodePng(file, [...points, [5, 5], [pageSize.width - 5, pageSize.height - 5]], 14);
    expect({ width: png.width, height: png.height }).toEqual({ width: 14043, height: 9933 });
    expect(png.phys).toEqual({ x: 11811, y: 11811, unit: 1 });
    expect(png.crcErrors).toBe(0);
    expect(png.chunkTypes).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
    expect(png.samples.map(hex)).toEqual(['15803d', 'c2410c', 'b91c1c', 'ffffff', 'ffffff']);
    await writePng(path.join(REPO_ROOT, '.tmp', 'poster-a0-thumb.png'), png.thumbnail).catch(() => undefined);
    console.info(`A0 300 dpi poster (300 touchpoints): ${exportMs} ms, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB`);
    await context.close();
  }, 400_000);

  it('previews the poster on its paper, warns when its text prints under 6 pt, and takes the bigger paper it offers in one click', async () => {
    const { doc } = bigBoard(120);
    const link = await seed(doc);
    const { page, context } = await newPerson(app.browser, 'Camille Durand');
    await page.goto(link);
    await page.getByRole('heading', { name: 'Découverte' }).first().waitFor();
    await page.getByRole('button', { name: 'Exporter le poster…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Exporter le poster' });
    await dialog.getByRole('combobox', { name: 'Format' }).selectOption('A4');
    await dialog.getByRole('radio', { name: '96 dpi' }).check();
    await dialog.getByRole('figure', { name: 'Aperçu du poster sur A4 paysage' }).waitFor();
    const alert = dialog.getByRole('alert');
    await alert.filter({ hasText: 'Trop petit pour être lu' }).waitFor();
    const small = Number(/à ([\d,]+) pt/.exec((await alert.textContent()) ?? '')![1]!.replace(',', '.'));
    expect(small).toBeLessThan(6);
    await expect.poll(() => alert.textContent()).toContain('n’est pas proposé');
    await page.screenshot({ path: path.join(REPO_ROOT, '.tmp', 'poster-fit-warning.png') }).catch(() => undefined);
    // One click on the paper offered: the text is legible, at the size the offer said.
    const offer = alert.getByRole('button', { name: /^Passer en A\d/ });
    const [, format, promised] = /^Passer en (A\d) \(texte à ([\d,]+) pt\)$/.exec((await offer.textContent()) ?? '')!;
    await offer.click();
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Format' }).inputValue()).toBe(format);
    await dialog.getByText(`Le texte des cartes s’imprimera à ${promised} pt.`).waitFor();
    expect(await dialog.getByRole('alert').count()).toBe(0);
    await page.screenshot({ path: path.join(REPO_ROOT, '.tmp', 'poster-fit-fixed.png') }).catch(() => undefined);
    // The file is made at that paper's size, and says it prints at the size the preview said.
    const downloading = page.waitForEvent('download', { timeout: 120_000 });
    await dialog.getByRole('button', { name: 'Exporter' }).click();
    const download = await downloading;
    const file = path.join(app.relay.dataDir, 'poster-fit.png');
    await download.saveAs(file);
    await dialog.getByText(`Texte des cartes imprimé à environ ${promised} pt.`).waitFor();
    const pageSize = posterPixels({ kind: 'paper', format: format as 'A0', orientation: 'landscape', dpi: 96 });
    const png = await decodePng(file, [[5, 5]], 8);
    expect({ width: png.width, height: png.height }).toEqual({ width: pageSize.width, height: pageSize.height });
    await writePng(path.join(REPO_ROOT, '.tmp', 'poster-fit-thumb.png'), png.thumbnail).catch(() => undefined);
    await context.close();
  }, 200_000);

  it('exports a board as JSON and imports it as a new, equal board', async () => {
    const { doc } = bigBoard(40, 5, 6);
    const link = await seed(doc);
    const { page, context } = await newPerson(app.browser, 'Dominique Roy');
    await page.goto(link);
    await page.getByRole('heading', { name: 'Découverte' }).first().waitFor();
    await page.getByRole('button', { name: 'Données…' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Tout le tableau \(JSON\)/ }).click(),
    ]);
    const file = path.join(app.relay.dataDir, 'board.parcours.json');
    await download.saveAs(file);
    await page.getByRole('button', { name: 'Fermer' }).click();

    await page.goto(app.relay.httpUrl);
    await page.getByRole('button', { name: /Importer un tableau/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Importer un tableau' });
    await dialog.getByLabel('Fichier JSON du tableau').setInputFiles(file);
    await dialog.getByRole('status').filter({ hasText: '40 points de contact' }).waitFor();
    await dialog.getByRole('button', { name: 'Créer le nouveau tableau' }).click();
    await expect.poll(() => page.url(), { timeout: 20_000 }).toMatch(/\/b\/[A-Za-z0-9_-]{22}/);
    const newId = /\/b\/([A-Za-z0-9_-]{22})/.exec(page.url())![1]!;
    expect(link).not.toContain(`/b/${newId}?`);
    await page.getByRole('heading', { name: 'Découverte' }).first().waitFor();

    // The imported board was created by the relay like any new board: this browser holds its facilitator token.
    const token = await page.evaluate(
      (id) => (JSON.parse(localStorage.getItem('parcours.access') ?? '{}') as Record<string, { token: string }>)[id]?.token,
      newId,
    );
    expect(token).toBeTruthy();
    const copy = connectClient(app.relay.wsUrl, newId, undefined, { token: token! });
    await copy.synced;
    await waitFor(() => readBoard(copy.doc).touchpoints.length === 40, 10_000, 'the imported board');
    // A value typed in a KPI before KPIs had a history moves into the KPI's series (kept by the
    // relay, not the document) when a facilitator opens the board: the imported copy's was opened.
    const typedValuesMoved = (board: ReturnType<typeof readBoard>) => ({ ...board, kpis: board.kpis.map((k) => ({ ...k, current: '' })) });
    expect(typedValuesMoved(readBoard(copy.doc))).toEqual(typedValuesMoved(readBoard(doc)));

    // A malformed file is refused with the reasons, and nothing is created.
    const bad = path.join(app.relay.dataDir, 'bad.json');
    fs.writeFileSync(
      bad,
      JSON.stringify({
        format: 'parcours.board',
        version: 1,
        schemaVersion: 2,
        meta: { title: '' },
        records: { touchpoints: [{ id: 'x y' }] },
      }),
    );
    await page.goto(app.relay.httpUrl);
    await page.getByRole('button', { name: /Importer un tableau/ }).click();
    await page.getByLabel('Fichier JSON du tableau').setInputFiles(bad);
    await page.getByRole('alert').filter({ hasText: 'ne peut pas être importé' }).waitFor();
    await expect.poll(() => page.getByText('records.touchpoints[0].id').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Créer le nouveau tableau' }).isDisabled()).toBe(true);
    await context.close();
  });
});
