import fs from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { readBoard } from '../../src/doc/projection';
import { appUnderTest, newPerson } from '../helpers/browser';
import { connectClient, createTestBoard, makeTempDir, waitFor } from '../helpers/relay';
import { richBoard } from '../helpers/richBoard';

const app = appUnderTest();

describe('the PDF report', () => {
  it('is made from the board actions in Chromium and downloads a PDF whose text layer holds the cards with their accents', async () => {
    const { doc } = richBoard(16);
    const { boardId, token, params } = await createTestBoard(app.relay.httpUrl);
    const writer = connectClient(app.relay.wsUrl, boardId, doc, params);
    await writer.synced;
    const probe = connectClient(app.relay.wsUrl, boardId, undefined, params);
    await probe.synced;
    await waitFor(
      () => readBoard(probe.doc).touchpoints.length === readBoard(doc).touchpoints.length,
      15_000,
      'the seeded board on the relay',
    );
    writer.destroy();
    probe.destroy();
    const { page, context } = await newPerson(app.browser, 'Camille Durand');
    await page.goto(`${app.relay.httpUrl}/b/${boardId}?t=${encodeURIComponent(token)}`);
    await page.getByRole('heading', { name: 'Découverte' }).first().waitFor();
    await page.getByRole('button', { name: 'Exporter le rapport…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Exporter le rapport PDF' });
    await dialog.getByRole('combobox', { name: 'Format (paysage)' }).selectOption('A4');
    await dialog.getByRole('textbox', { name: 'Version (facultatif)' }).fill('v2 2026');
    const downloading = page.waitForEvent('download', { timeout: 120_000 });
    await dialog.getByRole('button', { name: 'Exporter le PDF' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^parcours-client-abonnement-rapport-\d{4}-\d{2}-\d{2}\.pdf$/);
    await expect
      .poll(() => dialog.getByRole('status').textContent(), { timeout: 30_000 })
      .toMatch(/Rapport enregistré : .*\(\d+ pages\)\./);
    const file = path.join(makeTempDir('parcours-report-'), download.suggestedFilename());
    await download.saveAs(file);
    const pdf = await getDocument({ data: new Uint8Array(fs.readFileSync(file)), useSystemFonts: false, isEvalSupported: false }).promise;
    expect(pdf.numPages).toBeGreaterThan(5);
    let text = '';
    for (let i = 1; i <= pdf.numPages; i++) {
      const content = await (await pdf.getPage(i)).getTextContent();
      text += ` ${content.items.map((item) => ('str' in item ? item.str : '')).join(' ')}`;
    }
    await pdf.destroy();
    text = text.replace(/\s+/g, ' ');
    expect(text).toContain('Version : v2 2026');
    expect(text).toContain('Réduire l’abandon de panier de 72 % à 55 %');
    expect(text).toContain('Je compare les offres ; les prix « TTC » sont cachés #2');
    expect(text).toContain('Je découvre la marque sur un moteur de recherche #1');
    await context.close();
  }, 240_000);
});
