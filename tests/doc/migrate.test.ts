import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPainPoint, setEmotionScore } from '../../src/doc/commands';
import { isFromTheFuture, migrateBoard } from '../../src/doc/migrate';
import { readBoard } from '../../src/doc/projection';
import { SCHEMA_VERSION, roots } from '../../src/doc/schema';
import { createUndoManager } from '../../src/doc/undo';

function loadV1(): Y.Doc {
  const { update } = JSON.parse(fs.readFileSync('tests/fixtures/board-v1.json', 'utf8')) as { update: string };
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(update, 'base64'));
  return doc;
}

describe('migrateBoard', () => {
  it('opens a version-1 board and upgrades it without losing anything', () => {
    const doc = loadV1();
    const before = readBoard(doc);
    expect(before.meta.schemaVersion).toBe(1);
    expect(migrateBoard(doc)).toBe(true);
    const after = readBoard(doc);
    expect(after.meta.schemaVersion).toBe(SCHEMA_VERSION);
    expect({ ...after, meta: { ...after.meta, schemaVersion: 1 } }).toEqual(before);
    expect(after.touchpoints.map((t) => t.text)).toEqual(['Je découvre la marque 🎉', 'Je reçois des frais « cachés »']);
    expect(after.stages.map((s) => s.owner)).toEqual(['', '', '']);
    expect(after.journeys[0]).toMatchObject({ personaId: null, extraRows: [], framing: { objective: '' } });
  });

  it('lets the upgraded board take the new records', () => {
    const doc = loadV1();
    migrateBoard(doc);
    const board = readBoard(doc);
    const journeyId = board.journeys[0]!.id;
    setEmotionScore(doc, journeyId, board.stages[0]!.id, 2);
    addPainPoint(doc, journeyId, board.stages[2]!.id, { text: 'Frais cachés', severity: 3, touchpointIds: [board.touchpoints[1]!.id] });
    expect(readBoard(doc).emotions).toEqual([{ stageId: board.stages[0]!.id, journeyId, score: 2, words: '' }]);
    expect(readBoard(doc).painPoints[0]).toMatchObject({ text: 'Frais cachés', severity: 3 });
  });

  it('is idempotent, and two clients migrating at once converge', () => {
    const a = loadV1();
    const b = loadV1();
    migrateBoard(a);
    migrateBoard(b);
    expect(migrateBoard(a)).toBe(false);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readBoard(a)).toEqual(readBoard(b));
  });

  it('is not something the user can undo', () => {
    const doc = loadV1();
    const undo = createUndoManager(doc);
    migrateBoard(doc);
    expect(undo.canUndo()).toBe(false);
  });

  it('leaves a board from a newer version alone', () => {
    const doc = loadV1();
    roots(doc).meta.set('schemaVersion', SCHEMA_VERSION + 1);
    expect(isFromTheFuture(doc)).toBe(true);
    expect(migrateBoard(doc)).toBe(false);
  });
});
