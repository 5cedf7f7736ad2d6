import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addTouchpoint, duplicateJourney, setTouchpointEvaluation, setTouchpointText } from '../../src/doc/commands';
import { readBoard } from '../../src/doc/projection';
import { roots } from '../../src/doc/schema';
import { ReportCancelled, writeReport, type ReportRequest } from '../../src/export/reportPdf';
import type { BoardSnapshot } from '../../src/model/types';
import { bigBoard, richBoard } from '../helpers/richBoard';

const font = new Uint8Array(readFileSync(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')));

/** An existing journey and its target copy: one card reworded, one re-evaluated, one added. */
function workshopBoard(): { board: BoardSnapshot; existingId: string; targetId: string } {
  const b = richBoard(12);
  (roots(b.doc).journeys.get(b.journeyId) as Y.Map<unknown>).set('kind', 'existing');
  const targetId = duplicateJourney(b.doc, b.journeyId, { name: 'Parcours cible — été 2026', kind: 'target', personaId: 'persona_marie' })!;
  const copies = readBoard(b.doc).touchpoints.filter((t) => t.journeyId === targetId);
  setTouchpointText(b.doc, copies.find((t) => t.text.endsWith('#1'))!.id, 'Je trouve « l’offre idéale » en deux clics');
  setTouchpointEvaluation(b.doc, copies.find((t) => t.text.endsWith('#2'))!.id, 'delight');
  const stage = readBoard(b.doc).stages.find((s) => s.journeyId === targetId)!;
  const channel = readBoard(b.doc).channels.find((c) => c.journeyId === targetId)!;
  addTouchpoint(
    b.doc,
    { journeyId: targetId, stageId: stage.id, channelId: channel.id },
    'Je reçois un conseil personnalisé à Noël',
    'delight',
  );
  return { board: readBoard(b.doc), existingId: b.journeyId, targetId };
}

function request(board: BoardSnapshot, journeyIds: string[], extra: Partial<ReportRequest> = {}): ReportRequest {
  return { board, journeyIds, votes: new Map(), paper: 'A4', locale: 'fr', date: '2026-12-02', version: 'v2 2026', ...extra };
}

/** Every page's text layer, as pdf.js reads it (what a search or a copy gets). */
async function pagesText(bytes: Uint8Array): Promise<{ text: string[]; sizes: { width: number; height: number }[] }> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const text: string[] = [];
  const sizes: { width: number; height: number }[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const content = await page.getTextContent();
    text.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    const [, , width, height] = page.view;
    sizes.push({ width: width!, height: height! });
  }
  await pdf.destroy();
  return { text, sizes };
}

const words = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('the PDF report', () => {
  it('holds the cover, the framing, the personas and every card of the chosen journeys as searchable text with its accents', async () => {
    const { board, existingId, targetId } = workshopBoard();
    const { bytes, pages } = await writeReport(request(board, [existingId, targetId]), font);
    const { text, sizes } = await pagesText(bytes);
    expect(text).toHaveLength(pages);
    expect(sizes.every((s) => Math.round(s.width) === 842 && Math.round(s.height) === 595)).toBe(true);
    const all = words(text.join(' '));
    expect(text[0]).toContain('Parcours client — abonnement');
    expect(text[0]).toContain('Réduire l’abandon de panier de 72 % à 55 %');
    expect(text[0]).toContain('Version : v2 2026');
    expect(all).toContain('Vente en ligne, France');
    expect(all).toContain('Responsable marketing PME, 42 ans');
    for (const card of board.touchpoints.filter((t) => t.journeyId === existingId || t.journeyId === targetId)) {
      // Emoji the font cannot draw come out as □; every other character is there as typed.
      const expected = words(card.text.replace(/\p{Extended_Pictographic}/gu, '□'));
      expect(all).toContain(expected);
    }
    expect(all).toContain('Je trouve « l’offre idéale » en deux clics');
    expect(text.at(-1)).toMatch(/Page \d+ sur \d+/);
  });

  it('compares the target with its existing journey and ranks pain points, KPIs and actions', async () => {
    const { board, existingId, targetId } = workshopBoard();
    const painId = board.painPoints.find((p) => p.journeyId === targetId && p.severity === 2)!.id;
    const { bytes } = await writeReport(request(board, [existingId, targetId], { votes: new Map([[painId, 3]]) }), font);
    const all = words((await pagesText(bytes)).text.join(' '));
    expect(all).toContain('Du parcours existant au parcours cible');
    expect(all).toContain('Ajouté : 1 · Réévalué : 1 · Reformulé : 1 · Retiré : 0');
    expect(all).toContain('Je reçois un conseil personnalisé à Noël');
    expect(all).toContain('majeur · Étape : Achat · 3 votes');
    // Severity first: the critical pain point is ranked 1, before the voted major one.
    expect(all.indexOf('Formulaire de devis de plus de 10 champs')).toBeLessThan(all.indexOf('Frais cachés au paiement'));
    expect(all).toContain('Taux de devis');
    expect(all).toContain('Matrice impact / effort');
    expect(all).toContain('Réduire le formulaire à 4 champs');
    expect(all).toContain('Équipe web');
    expect(all).toContain('2026-03-31');
  });

  it('writes in the language chosen, at the paper size chosen', async () => {
    const { board, targetId } = workshopBoard();
    const { bytes } = await writeReport(request(board, [targetId], { locale: 'en', paper: 'A3' }), font);
    const { text, sizes } = await pagesText(bytes);
    expect(sizes.every((s) => Math.round(s.width) === 1191 && Math.round(s.height) === 842)).toBe(true);
    const all = words(text.join(' '));
    expect(all).toContain('Pain points by severity and votes');
    expect(all).toContain('Page 1 of');
    expect(all).not.toContain('Courbe des émotions');
  });

  it('splits a map of 2 000 cards across pages, repeating the stage and channel headers, and reports its progress', async () => {
    const b = bigBoard(2000, 8, 10);
    const board = readBoard(b.doc);
    const steps: number[] = [];
    const { bytes, pages } = await writeReport(request(board, [b.journeyId]), font, { onProgress: (p) => steps.push(p.step) });
    expect(pages).toBeGreaterThan(20);
    expect(steps).toEqual([...steps].sort((x, y) => x - y));
    const { text } = await pagesText(bytes);
    const mapPages = text.filter((t) => t.includes('étapes 1 à 4 sur 8'));
    expect(mapPages.length).toBeGreaterThan(5);
    const stageName = board.stages.find((s) => s.id === b.stageIds[0])!.name;
    expect(mapPages.every((t) => t.includes(stageName) && t.includes('Canal'))).toBe(true);
    expect(text.some((t) => t.includes('(suite)'))).toBe(true);
    const all = words(text.join(' '));
    for (const n of [1, 999, 2000]) expect(all).toMatch(new RegExp(`#${n}\\b`));
  }, 180_000);

  it('stops when cancelled and saves nothing', async () => {
    const { board, targetId } = workshopBoard();
    const abort = new AbortController();
    const run = writeReport(request(board, [targetId]), font, { signal: abort.signal, onProgress: () => abort.abort() });
    await expect(run).rejects.toBeInstanceOf(ReportCancelled);
  });

  it('keeps right-to-left text and marks characters the font lacks instead of failing', async () => {
    const b = richBoard(0);
    const board = readBoard(b.doc);
    addTouchpoint(b.doc, { journeyId: b.journeyId, stageId: b.stageIds[0]!, channelId: b.channelIds[0]! }, 'שלום, אני מחפש מידע', 'pain');
    addTouchpoint(b.doc, { journeyId: b.journeyId, stageId: b.stageIds[0]!, channelId: b.channelIds[0]! }, 'مرحبا بالعالم', null);
    addTouchpoint(b.doc, { journeyId: b.journeyId, stageId: b.stageIds[1]!, channelId: b.channelIds[0]! }, 'Je paie 🪙 en ligne', null);
    const { bytes } = await writeReport(request({ ...board, ...readBoard(b.doc) }, [b.journeyId]), font);
    const { text } = await pagesText(bytes);
    expect(text[0]).toContain('remplacés par □');
    expect(words(text.join(' '))).toContain('Je paie □ en ligne');
  });

  it('puts the extra rows and the KPIs, latest value against target, on the map pages as the poster does', async () => {
    const b = richBoard(12);
    const board = readBoard(b.doc);
    const conversion = board.kpis.find((k) => k.name === 'Conversion')!;
    const metrics = {
      [conversion.id]: {
        count: 2,
        recent: [
          { date: '2026-10-01', value: 18.5, source: 'typed' as const },
          { date: '2026-11-01', value: 23.25, source: 'typed' as const },
        ],
        earlier: null,
      },
    };
    const { bytes } = await writeReport(request(board, [b.journeyId], { metrics }), font);
    const { text } = await pagesText(bytes);
    const map = words(text.filter((page) => /Carte du parcours|— étapes \d/.test(page)).join(' '));
    expect(map).toContain('Ce qu’il pense');
    expect(map).toContain('Est-ce que « ça » vaut le coup ? (3)');
    expect(map).toContain('Opportunités');
    expect(map).toContain('Afficher le prix total dès la fiche produit');
    expect(map).toContain('Indicateurs');
    // The latest value, rounded, with its unit, on or off target, and the target.
    expect(map).toMatch(/Conversion.*23,25\s?% \(dans la cible\) → objectif 22\s?%/);
    // A KPI without values keeps what was typed.
    expect(map).toMatch(/CSAT.*13 → objectif 23/);
  });
});
