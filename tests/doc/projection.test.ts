import { describe, expect, it } from 'vitest';
import { board as emptyBoard } from '../helpers/records';
import * as Y from 'yjs';
import { addTouchpoint, renameBoard, setTouchpointText } from '../../src/doc/commands';
import { createBoardReader, readBoard } from '../../src/doc/projection';
import { laneIds, newBoard } from '../helpers/boardDoc';

describe('readBoard', () => {
  it('returns plain, sorted records with touchpoint text as a string', () => {
    const { doc, journeyId } = newBoard();
    const [s] = laneIds(doc, 'stages', journeyId);
    const [c] = laneIds(doc, 'channels', journeyId);
    addTouchpoint(doc, { journeyId, stageId: s!, channelId: c! }, 'Je vois');
    addTouchpoint(doc, { journeyId, stageId: s!, channelId: c!, index: 0 }, 'Je cherche');
    const board = readBoard(doc);
    expect(board.stages.map((x) => x.name)).toEqual(['Découverte', 'Évaluation', 'Achat', 'Usage & fidélisation', 'Recommandation']);
    expect(board.touchpoints.map((t) => t.text)).toEqual(['Je cherche', 'Je vois']);
    expect(JSON.parse(JSON.stringify(board))).toEqual(board);
  });

  it('reads an empty document as an uninitialised board', () => {
    expect(readBoard(new Y.Doc())).toEqual(emptyBoard({ meta: { schemaVersion: 0, title: '', createdAt: 0 } }));
  });
});

describe('createBoardReader', () => {
  it('returns the same snapshot object until a transaction happens', () => {
    const { doc } = newBoard();
    const reader = createBoardReader(doc);
    const first = reader.getSnapshot();
    expect(reader.getSnapshot()).toBe(first);
    renameBoard(doc, 'Parcours B2B');
    const second = reader.getSnapshot();
    expect(second).not.toBe(first);
    expect(second.meta.title).toBe('Parcours B2B');
    expect(reader.getSnapshot()).toBe(second);
  });

  it('sees remote updates while subscribed, and coalesces their notifications to one per frame', async () => {
    const { doc, journeyId } = newBoard();
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    const reader = createBoardReader(doc);
    let calls = 0;
    const unsubscribe = reader.subscribe(() => calls++);
    const first = reader.getSnapshot();

    const [s] = laneIds(remote, 'stages', journeyId);
    const [c] = laneIds(remote, 'channels', journeyId);
    const id = addTouchpoint(remote, { journeyId, stageId: s!, channelId: c! }, 'Je');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)), 'remote');
    setTouchpointText(remote, id, 'Je r');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)), 'remote');
    // Two remote transactions, read at once, told once on the next frame.
    expect(calls).toBe(0);
    expect(reader.getSnapshot().touchpoints[0]!.text).toBe('Je r');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toBe(1);
    const second = reader.getSnapshot();
    expect(second).not.toBe(first);
    expect(second.touchpoints.map((t) => t.id)).toEqual([id]);
    // My own edit is told at once.
    setTouchpointText(doc, id, 'Je re');
    expect(calls).toBe(2);

    unsubscribe();
    setTouchpointText(doc, id, 'Je regarde');
    expect(calls).toBe(2);
    expect(reader.getSnapshot().touchpoints[0]!.text).toBe('Je regarde');
  });

  it('does not miss a change made between two subscriptions', () => {
    const { doc } = newBoard();
    const reader = createBoardReader(doc);
    const off = reader.subscribe(() => {});
    reader.getSnapshot();
    off();
    renameBoard(doc, 'Renommé hors abonnement');
    reader.subscribe(() => {});
    expect(reader.getSnapshot().meta.title).toBe('Renommé hors abonnement');
  });
});
