import { describe, expect, it } from 'vitest';
import { addTouchpoint } from '../../src/doc/commands';
import { importTouchpoints, pasteTouchpoints } from '../../src/doc/commands/importTouchpoints';
import { readBoard } from '../../src/doc/projection';
import { cellTouchpoints } from '../../src/doc/read';
import { createUndoManager } from '../../src/doc/undo';
import { journeyMatrix } from '../../src/model/matrix';
import { parseCsv } from '../../src/model/csv';
import { planTouchpointImport, touchpointsCsv } from '../../src/model/touchpointCsv';
import { laneIds, laneNames, newBoard } from '../helpers/boardDoc';
import { richBoard } from '../helpers/richBoard';
import { EN, FR } from '../helpers/csvLabels';

const texts = (doc: Parameters<typeof cellTouchpoints>[0], j: string, s: string, c: string) => cellTouchpoints(doc, j, s, c).map((t) => t.text);

describe('importing touchpoints from CSV', () => {
  it('appends cards after the existing ones, in position order, as one undo step', () => {
    const { doc, journeyId } = newBoard();
    const [s1] = laneIds(doc, 'stages', journeyId) as [string];
    const [c1] = laneIds(doc, 'channels', journeyId) as [string];
    addTouchpoint(doc, { journeyId, stageId: s1, channelId: c1 }, 'Déjà là');
    const undo = createUndoManager(doc);
    const board = readBoard(doc);
    const plan = planTouchpointImport('Étape;Canal;Position;Texte\nDécouverte;Site web;2;Deuxième\nDécouverte;Site web;1;Premier\nDécouverte;Site web;;Dernier\n', journeyMatrix(board, journeyId), [FR], false);
    importTouchpoints(doc, journeyId, plan);
    expect(texts(doc, journeyId, s1, c1)).toEqual(['Déjà là', 'Premier', 'Deuxième', 'Dernier']);
    undo.undo();
    expect(texts(doc, journeyId, s1, c1)).toEqual(['Déjà là']);
  });

  it('creates unknown stages and channels after the existing ones, undone with the cards', () => {
    const { doc, journeyId } = newBoard();
    const undo = createUndoManager(doc);
    const plan = planTouchpointImport('Étape;Canal;Texte\nLivraison;Fax;Je faxe\nAchat;Fax;Je refaxe\n', journeyMatrix(readBoard(doc), journeyId), [FR], true);
    importTouchpoints(doc, journeyId, plan);
    expect(laneNames(doc, 'stages', journeyId).at(-1)).toBe('Livraison');
    expect(laneNames(doc, 'channels', journeyId).at(-1)).toBe('Fax');
    expect(journeyMatrix(readBoard(doc), journeyId).unplaced).toEqual([]);
    expect(readBoard(doc).touchpoints).toHaveLength(2);
    undo.undo();
    expect(laneNames(doc, 'stages', journeyId)).not.toContain('Livraison');
    expect(readBoard(doc).touchpoints).toHaveLength(0);
  });

  it('round-trips a journey’s touchpoints through CSV in both languages', () => {
    const source = richBoard(60);
    for (const [labels, delimiter] of [[FR, ';'], [EN, ',']] as const) {
      const csv = touchpointsCsv(readBoard(source.doc), source.journeyId, labels, delimiter);
      const target = newBoard();
      const plan = planTouchpointImport(csv, journeyMatrix(readBoard(target.doc), target.journeyId), [FR, EN], true);
      expect(plan.rejected).toEqual([]);
      importTouchpoints(target.doc, target.journeyId, plan);
      const cards = (doc: typeof source.doc, journeyId: string) => {
        const b = readBoard(doc);
        const m = journeyMatrix(b, journeyId);
        return m.stages.flatMap((s) => m.channels.map((c) => [s.name, c.name, (m.cellCards.get(`${s.id}|${c.id}`) ?? []).map((t) => [t.text, t.evaluation, t.momentOfTruth])]));
      };
      expect(cards(target.doc, target.journeyId)).toEqual(cards(source.doc, source.journeyId));
    }
  });
});

describe('pasting a spreadsheet range', () => {
  it('maps rows to channels and columns to stages from the target cell, skipping empty values', () => {
    const { doc, journeyId } = newBoard();
    const stages = laneIds(doc, 'stages', journeyId);
    const channels = laneIds(doc, 'channels', journeyId);
    const undo = createUndoManager(doc);
    const grid = parseCsv('Je lis\t\tJe paie\n\n"Je reçois\nune lettre"\tJe clique\t', '\t', true).records.map((r) => r.fields);
    const result = pasteTouchpoints(doc, { journeyId, stageIds: stages.slice(3), channelIds: channels.slice(1) }, grid);
    expect(result.created).toHaveLength(3);
    expect(result.skipped).toBe(1);
    expect(texts(doc, journeyId, stages[3]!, channels[1]!)).toEqual(['Je lis']);
    expect(texts(doc, journeyId, stages[3]!, channels[3]!)).toEqual(['Je reçois\nune lettre']);
    expect(texts(doc, journeyId, stages[4]!, channels[3]!)).toEqual(['Je clique']);
    undo.undo();
    expect(readBoard(doc).touchpoints).toEqual([]);
  });
});
