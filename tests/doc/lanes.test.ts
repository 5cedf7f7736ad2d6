import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addLane, addTouchpoint, deleteLane, moveLane, renameLane, touchpointsInLane } from '../../src/doc/commands';
import { readBoard } from '../../src/doc/projection';
import { sortedLanes } from '../../src/doc/read';
import { roots } from '../../src/doc/schema';
import { isOrderKey } from '../../src/model/order';
import { laneIds, laneNames, newBoard, peersOf, syncAll } from '../helpers/boardDoc';

describe('addLane', () => {
  it('adds a stage at the end by default and returns its id', () => {
    const { doc, journeyId } = newBoard();
    const id = addLane(doc, 'stages', journeyId, '  Onboarding ');
    expect(laneIds(doc, 'stages', journeyId).at(-1)).toBe(id);
    expect(laneNames(doc, 'stages', journeyId).at(-1)).toBe('Onboarding');
  });

  it('adds a stage at a given index', () => {
    const { doc, journeyId } = newBoard();
    addLane(doc, 'stages', journeyId, 'Lead identifié', 0);
    addLane(doc, 'stages', journeyId, 'Démo', 3);
    expect(laneNames(doc, 'stages', journeyId)).toEqual([
      'Lead identifié',
      'Découverte',
      'Évaluation',
      'Démo',
      'Achat',
      'Usage & fidélisation',
      'Recommandation',
    ]);
  });

  it('adds a channel at a given index', () => {
    const { doc, journeyId } = newBoard();
    addLane(doc, 'channels', journeyId, 'WhatsApp', 1);
    expect(laneNames(doc, 'channels', journeyId).slice(0, 3)).toEqual(['Site web', 'WhatsApp', 'Email']);
    expect(laneNames(doc, 'stages', journeyId)).not.toContain('WhatsApp');
  });

  it('renumbers the lanes when two siblings share a key, and still inserts at the index', () => {
    const { docs, journeyId } = peersOf(2);
    const [a, b] = docs as [Y.Doc, Y.Doc];
    // Two people insert at the same spot at once: both compute the same key.
    const x = addLane(a, 'stages', journeyId, 'X', 2);
    const y = addLane(b, 'stages', journeyId, 'Y', 2);
    syncAll(docs);
    const tied = sortedLanes(a, 'stages', journeyId);
    expect(tied[2]!.order).toBe(tied[3]!.order);

    const z = addLane(a, 'stages', journeyId, 'Z', 3);
    const lanes = sortedLanes(a, 'stages', journeyId);
    expect(lanes.map((l) => l.id).slice(2, 5)).toEqual([x < y ? x : y, z, x < y ? y : x]);
    expect(lanes).toHaveLength(8);
    for (let i = 1; i < lanes.length; i++) expect(lanes[i - 1]!.order < lanes[i]!.order).toBe(true);
    expect(lanes.every((l) => isOrderKey(l.order))).toBe(true);
  });
});

describe('renameLane', () => {
  it('renames a stage, trimming spaces', () => {
    const { doc, journeyId } = newBoard();
    const [first] = laneIds(doc, 'stages', journeyId);
    renameLane(doc, 'stages', first!, ' Prise de conscience ');
    expect(laneNames(doc, 'stages', journeyId)[0]).toBe('Prise de conscience');
  });

  it('ignores a blank name and an unknown lane', () => {
    const { doc, journeyId } = newBoard();
    const [first] = laneIds(doc, 'channels', journeyId);
    const before = Y.encodeStateAsUpdate(doc);
    renameLane(doc, 'channels', first!, '   ');
    renameLane(doc, 'channels', 'no-such-lane', 'Courrier');
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});

describe('moveLane', () => {
  it('moves a stage to the front, the middle and the end', () => {
    const { doc, journeyId } = newBoard();
    const ids = laneIds(doc, 'stages', journeyId);
    moveLane(doc, 'stages', ids[3]!, 0);
    expect(laneNames(doc, 'stages', journeyId)[0]).toBe('Usage & fidélisation');
    moveLane(doc, 'stages', ids[3]!, 4);
    expect(laneNames(doc, 'stages', journeyId).at(-1)).toBe('Usage & fidélisation');
    moveLane(doc, 'stages', ids[0]!, 2);
    expect(laneNames(doc, 'stages', journeyId)).toEqual(['Évaluation', 'Achat', 'Découverte', 'Recommandation', 'Usage & fidélisation']);
  });

  it('clamps an index beyond the end', () => {
    const { doc, journeyId } = newBoard();
    const ids = laneIds(doc, 'channels', journeyId);
    moveLane(doc, 'channels', ids[0]!, 99);
    expect(laneIds(doc, 'channels', journeyId).at(-1)).toBe(ids[0]);
  });

  it('rewrites only the moved lane when there is room', () => {
    const { doc, journeyId } = newBoard();
    const ids = laneIds(doc, 'stages', journeyId);
    const before = new Map(sortedLanes(doc, 'stages', journeyId).map((l) => [l.id, l.order]));
    moveLane(doc, 'stages', ids[4]!, 1);
    const changed = sortedLanes(doc, 'stages', journeyId).filter((l) => before.get(l.id) !== l.order);
    expect(changed.map((l) => l.id)).toEqual([ids[4]]);
  });
});

describe('deleteLane', () => {
  it('deletes a stage and every touchpoint in it, in one transaction', () => {
    const { doc, journeyId } = newBoard();
    const [s1, s2] = laneIds(doc, 'stages', journeyId);
    const [c1, c2] = laneIds(doc, 'channels', journeyId);
    const gone1 = addTouchpoint(doc, { journeyId, stageId: s1!, channelId: c1! }, 'Je vois une publicité');
    const gone2 = addTouchpoint(doc, { journeyId, stageId: s1!, channelId: c2! }, 'Je lis un email');
    const kept = addTouchpoint(doc, { journeyId, stageId: s2!, channelId: c1! }, 'Je compare');
    expect(touchpointsInLane(doc, 'stages', s1!).sort()).toEqual([gone1, gone2].sort());

    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    deleteLane(doc, 'stages', s1!);
    expect(transactions).toBe(1);

    const board = readBoard(doc);
    expect(board.stages.map((s) => s.id)).not.toContain(s1);
    expect(board.touchpoints.map((t) => t.id)).toEqual([kept]);
  });

  it('deletes a channel and its touchpoints across all stages', () => {
    const { doc, journeyId } = newBoard();
    const [s1, s2] = laneIds(doc, 'stages', journeyId);
    const [c1, c2] = laneIds(doc, 'channels', journeyId);
    addTouchpoint(doc, { journeyId, stageId: s1!, channelId: c2! });
    addTouchpoint(doc, { journeyId, stageId: s2!, channelId: c2! });
    const kept = addTouchpoint(doc, { journeyId, stageId: s2!, channelId: c1! });
    deleteLane(doc, 'channels', c2!);
    expect(laneIds(doc, 'channels', journeyId)).not.toContain(c2);
    expect(readBoard(doc).touchpoints.map((t) => t.id)).toEqual([kept]);
  });

  it('does nothing for a lane that no longer exists', () => {
    const { doc } = newBoard();
    const before = Y.encodeStateAsUpdate(doc);
    deleteLane(doc, 'stages', 'no-such-lane');
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(roots(doc).stages.size).toBe(5);
  });
});
