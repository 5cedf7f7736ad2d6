/**
 * The relay forwards any update, so a buggy or hostile peer can write records of the wrong
 * shape. Reading and editing the board must survive that instead of crashing every client.
 */
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addLane, addTouchpoint, deleteLane, moveLane } from '../../src/doc/commands';
import { readBoard } from '../../src/doc/projection';
import { sortedLanes } from '../../src/doc/read';
import { makeRecord, roots } from '../../src/doc/schema';
import { laneIds, newBoard } from '../helpers/boardDoc';

describe('a board holding malformed records', () => {
  it('reads the board, skipping records that are not maps', () => {
    const { doc } = newBoard();
    doc.transact(() => {
      (roots(doc).stages as Y.Map<unknown>).set('junk-stage', 'not a record');
      (roots(doc).channels as Y.Map<unknown>).set('junk-channel', 42);
      (roots(doc).touchpoints as Y.Map<unknown>).set('junk-card', null);
    }, 'peer');
    const board = readBoard(doc);
    expect(board.stages).toHaveLength(5);
    expect(board.channels).toHaveLength(6);
    expect(board.touchpoints).toEqual([]);
  });

  it('still deletes a lane when a touchpoint record is not a map', () => {
    const { doc, journeyId } = newBoard();
    const [s] = laneIds(doc, 'stages', journeyId);
    (roots(doc).touchpoints as Y.Map<unknown>).set('junk-card', 'oops');
    deleteLane(doc, 'stages', s!);
    expect(laneIds(doc, 'stages', journeyId)).toHaveLength(4);
  });

  it('still adds and moves lanes and cards next to a record with an invalid order key', () => {
    const { doc, journeyId } = newBoard();
    const ids = laneIds(doc, 'stages', journeyId);
    roots(doc).stages.set('odd', makeRecord({ journeyId, name: 'Odd', order: '#!' }));
    roots(doc).stages.get(ids[1]!)!.set('order', 'V0');
    const added = addLane(doc, 'stages', journeyId, 'Démo', 2);
    moveLane(doc, 'stages', ids[4]!, 0);
    const lanes = sortedLanes(doc, 'stages', journeyId);
    expect(lanes).toHaveLength(7);
    expect(lanes[0]!.id).toBe(ids[4]);
    expect(lanes.map((l) => l.id)).toContain(added);

    const [c] = laneIds(doc, 'channels', journeyId);
    const first = addTouchpoint(doc, { journeyId, stageId: ids[0]!, channelId: c! }, 'A');
    roots(doc).touchpoints.get(first)!.set('order', 'é');
    addTouchpoint(doc, { journeyId, stageId: ids[0]!, channelId: c!, index: 1 }, 'B');
    expect(
      readBoard(doc)
        .touchpoints.map((t) => t.text)
        .sort(),
    ).toEqual(['A', 'B']);
  });
});
