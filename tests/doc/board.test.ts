import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTemplateLanes, initBoard, renameBoard } from '../../src/doc/commands';
import { readBoard } from '../../src/doc/projection';
import { LOCAL_ORIGIN } from '../../src/doc/origins';
import { SCHEMA_VERSION, isInitialised, roots } from '../../src/doc/schema';
import { defaultBoard } from '../../src/model/defaults';
import { laneNames, newBoard } from '../helpers/boardDoc';

/** The origins of the transactions `fn` runs on `doc`. */
function originsOf(doc: Y.Doc, fn: () => void): unknown[] {
  const origins: unknown[] = [];
  const record = (tr: Y.Transaction) => origins.push(tr.origin);
  doc.on('afterTransaction', record);
  fn();
  doc.off('afterTransaction', record);
  return origins;
}

describe('initBoard', () => {
  it('turns an empty document into a board with one journey and the template lanes, in one local transaction', () => {
    const doc = new Y.Doc();
    expect(isInitialised(doc)).toBe(false);
    let result: ReturnType<typeof initBoard> = null;
    expect(originsOf(doc, () => (result = initBoard(doc, defaultBoard('fr'), 1234)))).toEqual([LOCAL_ORIGIN]);
    expect(isInitialised(doc)).toBe(true);

    const board = readBoard(doc);
    expect(board.meta).toEqual({ schemaVersion: SCHEMA_VERSION, title: 'Nouveau parcours client', createdAt: 1234 });
    expect(board.journeys).toHaveLength(1);
    expect(board.journeys[0]).toMatchObject({ id: result!.journeyId, name: 'Parcours existant', kind: 'existing' });
    expect(laneNames(doc, 'stages', result!.journeyId)).toEqual(defaultBoard('fr').stages);
    expect(laneNames(doc, 'channels', result!.journeyId)).toEqual(defaultBoard('fr').channels);
    expect(board.touchpoints).toEqual([]);
  });

  it('does nothing on a document that is already a board', () => {
    const { doc } = newBoard('fr');
    const before = Y.encodeStateAsUpdate(doc);
    let second: ReturnType<typeof initBoard> | undefined;
    expect(originsOf(doc, () => (second = initBoard(doc, defaultBoard('en'))))).toEqual([]);
    expect(second).toBeNull();
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(readBoard(doc).meta.title).toBe('Nouveau parcours client');
  });

  it('does nothing on a document that received a board from a peer', () => {
    const { doc: creator } = newBoard('fr');
    const joiner = new Y.Doc();
    Y.applyUpdate(joiner, Y.encodeStateAsUpdate(creator));
    expect(initBoard(joiner, defaultBoard('en'))).toBeNull();
    expect(readBoard(joiner).journeys).toHaveLength(1);
    expect(roots(joiner).stages.size).toBe(5);
  });
});

describe('renameBoard', () => {
  it('renames the board, trimming spaces', () => {
    const { doc } = newBoard();
    renameBoard(doc, '  Parcours B2B  ');
    expect(readBoard(doc).meta.title).toBe('Parcours B2B');
  });

  it('ignores a blank title without writing anything', () => {
    const { doc } = newBoard();
    const origins = originsOf(doc, () => {
      renameBoard(doc, '');
      renameBoard(doc, '   \n\t');
    });
    expect(origins).toEqual([]);
    expect(readBoard(doc).meta.title).toBe('Nouveau parcours client');
  });
});

describe('applyTemplateLanes', () => {
  it('fills an empty journey with the template stages and channels, in order', () => {
    const doc = new Y.Doc();
    const empty = { ...defaultBoard('en'), stages: [], channels: [] };
    const { journeyId } = initBoard(doc, empty)!;
    expect(roots(doc).stages.size).toBe(0);

    const origins = originsOf(doc, () => applyTemplateLanes(doc, journeyId, defaultBoard('en')));
    expect(origins).toEqual([LOCAL_ORIGIN]);
    expect(laneNames(doc, 'stages', journeyId)).toEqual(['Awareness', 'Consideration', 'Purchase', 'Use & loyalty', 'Advocacy']);
    expect(laneNames(doc, 'channels', journeyId)).toEqual(defaultBoard('en').channels);
    expect(readBoard(doc).stages.every((s) => s.journeyId === journeyId)).toBe(true);
  });
});
