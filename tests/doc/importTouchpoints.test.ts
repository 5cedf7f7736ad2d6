import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addTouchpoint } from '../../src/doc/commands';
import { importTouchpoints, pasteTouchpoints } from '../../src/doc/commands/importTouchpoints';
import { readBoard } from '../../src/doc/projection';
import { cellTouchpoints } from '../../src/doc/read';
import { createUndoManager } from '../../src/doc/undo';
import { journeyMatrix } from '../../src/model/matrix';
import { parseCsv } from '../../src/model/csv';
import { TEXT_LIMITS } from '../../src/model/limits';
import { planTouchpointImport, touchpointsCsv } from '../../src/model/touchpointCsv';
import { laneIds, laneNames, newBoard } from '../helpers/boardDoc';
import { richBoard } from '../helpers/richBoard';
import { EN, FR } from '../helpers/csvLabels';

const texts = (doc: Parameters<typeof cellTouchpoints>[0], j: string, s: string, c: string) =>
  cellTouchpoints(doc, j, s, c).map((t) => t.text);

describe('importing touchpoints from CSV', () => {
  it('appends cards after the existing ones, in position order, as one undo step', () => {
    const { doc, journeyId } = newBoard();
    const [s1] = laneIds(doc, 'stages', journeyId) as [string];
    const [c1] = laneIds(doc, 'channels', journeyId) as [string];
    addTouchpoint(doc, { journeyId, stageId: s1, channelId: c1 }, 'Déjà là');
    const undo = createUndoManager(doc);
    const board = readBoard(doc);
    const plan = planTouchpointImport(
      'Étape;Canal;Position;Texte\nDécouverte;Site web;2;Deuxième\nDécouverte;Site web;1;Premier\nDécouverte;Site web;;Dernier\n',
      journeyMatrix(board, journeyId),
      [FR],
      false,
    );
    importTouchpoints(doc, journeyId, plan);
    expect(texts(doc, journeyId, s1, c1)).toEqual(['Déjà là', 'Premier', 'Deuxième', 'Dernier']);
    undo.undo();
    expect(texts(doc, journeyId, s1, c1)).toEqual(['Déjà là']);
  });

  it('creates unknown stages and channels after the existing ones, undone with the cards', () => {
    const { doc, journeyId } = newBoard();
    const undo = createUndoManager(doc);
    const plan = planTouchpointImport(
      'Étape;Canal;Texte\nLivraison;Fax;Je faxe\nAchat;Fax;Je refaxe\n',
      journeyMatrix(readBoard(doc), journeyId),
      [FR],
      true,
    );
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
    for (const [labels, delimiter] of [
      [FR, ';'],
      [EN, ','],
    ] as const) {
      const csv = touchpointsCsv(readBoard(source.doc), source.journeyId, labels, delimiter);
      const target = newBoard();
      const plan = planTouchpointImport(csv, journeyMatrix(readBoard(target.doc), target.journeyId), [FR, EN], true);
      expect(plan.rejected).toEqual([]);
      importTouchpoints(target.doc, target.journeyId, plan);
      const cards = (doc: typeof source.doc, journeyId: string) => {
        const b = readBoard(doc);
        const m = journeyMatrix(b, journeyId);
        return m.stages.flatMap((s) =>
          m.channels.map((c) => [
            s.name,
            c.name,
            (m.cellCards.get(`${s.id}|${c.id}`) ?? []).map((t) => [t.text, t.evaluation, t.momentOfTruth]),
          ]),
        );
      };
      expect(cards(target.doc, target.journeyId)).toEqual(cards(source.doc, source.journeyId));
    }
  });
});

describe('importing an exported CSV again', () => {
  const exported = () => {
    const { doc, journeyId } = newBoard();
    const [s0, s1] = laneIds(doc, 'stages', journeyId) as [string, string];
    const [c0] = laneIds(doc, 'channels', journeyId) as [string];
    addTouchpoint(doc, { journeyId, stageId: s0, channelId: c0 }, 'Je lis un avis', 'delight');
    addTouchpoint(doc, { journeyId, stageId: s1, channelId: c0 }, 'Je compare', 'improvable');
    const csv = touchpointsCsv(readBoard(doc), journeyId, FR, ';');
    const plan = (text: string) =>
      planTouchpointImport(text, { ...journeyMatrix(readBoard(doc), journeyId), touchpoints: readBoard(doc).touchpoints }, [FR, EN], true);
    return { doc, journeyId, csv, plan };
  };

  it('adds no copy of the cards it came from', () => {
    const { doc, journeyId, csv, plan } = exported();
    const before = readBoard(doc);
    const result = importTouchpoints(doc, journeyId, plan(csv), { updateExisting: true });
    expect(result).toEqual({ created: [], updated: [] });
    expect(readBoard(doc)).toEqual(before);
  });

  it('updates the cards changed in the spreadsheet, and adds the new rows, as one undo step', () => {
    const { doc, journeyId, csv, plan } = exported();
    const undo = createUndoManager(doc);
    const before = readBoard(doc);
    const edited = csv.replace('Je compare;À améliorer', 'Je compare les prix;Irritant') + 'Achat;Email;;Je paie;;;\r\n';
    const result = importTouchpoints(doc, journeyId, plan(edited), { updateExisting: true });
    expect(result.created).toHaveLength(1);
    expect(result.updated).toHaveLength(1);
    expect(
      readBoard(doc)
        .touchpoints.map((t) => [t.text, t.evaluation])
        .sort(),
    ).toEqual([
      ['Je compare les prix', 'pain'],
      ['Je lis un avis', 'delight'],
      ['Je paie', null],
    ]);
    undo.undo();
    expect(readBoard(doc)).toEqual(before);
  });

  it('leaves the matched cards as they are when asked to skip them', () => {
    const { doc, journeyId, csv, plan } = exported();
    const edited = csv.replace('Je compare;À améliorer', 'Je compare;Irritant');
    const p = plan(edited);
    expect(p.update).toHaveLength(1);
    expect(importTouchpoints(doc, journeyId, p, { updateExisting: false })).toEqual({ created: [], updated: [] });
    expect(readBoard(doc).touchpoints.find((t) => t.text === 'Je compare')!.evaluation).toBe('improvable');
  });

  it('changes nothing when the file is refused', () => {
    const { doc, journeyId, plan } = exported();
    const before = Y.encodeStateVector(doc);
    const refused = plan('Étape;Canal\nAchat;Email\n');
    expect(refused.fatal).toEqual({ problem: 'missingColumns', columns: ['text'] });
    importTouchpoints(doc, journeyId, refused, { updateExisting: true });
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});

describe('texts longer than a card allows', () => {
  it('cuts an over-long CSV text to the limit instead of refusing its row', () => {
    const { doc, journeyId } = newBoard();
    const plan = planTouchpointImport(
      `Étape;Canal;Texte\nAchat;Email;${'J'.repeat(2500)}\n`,
      journeyMatrix(readBoard(doc), journeyId),
      [FR],
      false,
    );
    importTouchpoints(doc, journeyId, plan);
    expect(readBoard(doc).touchpoints.map((t) => t.text.length)).toEqual([TEXT_LIMITS.touchpointText]);
  });

  it('cuts a pasted value of 62 000 characters to the limit and says so', () => {
    const { doc, journeyId } = newBoard();
    const stages = laneIds(doc, 'stages', journeyId);
    const channels = laneIds(doc, 'channels', journeyId);
    const result = pasteTouchpoints(doc, { journeyId, stageIds: stages, channelIds: channels }, [['x'.repeat(62_000), 'Je lis']]);
    expect(result).toMatchObject({ skipped: 0, cut: 1 });
    expect(
      readBoard(doc)
        .touchpoints.map((t) => t.text.length)
        .sort((a, b) => a - b),
    ).toEqual([6, TEXT_LIMITS.touchpointText]);
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
