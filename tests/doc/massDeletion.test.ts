import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPainPoint, addTouchpoint, deleteTouchpoint, togglePainPointTouchpoint } from '../../src/doc/commands';
import { restoreDeletedTouchpoints } from '../../src/doc/commands/restoreDeleted';
import { watchMassDeletion } from '../../src/doc/massDeletionWatch';
import { readBoard } from '../../src/doc/projection';
import { createUndoManager } from '../../src/doc/undo';
import { peersOf, syncAll } from '../helpers/boardDoc';

/** A facilitator and a participant sharing a board with `count` cards in its first cell. */
function workshop(count: number) {
  const { docs, journeyId } = peersOf(2);
  const [facilitator, participant] = docs as [Y.Doc, Y.Doc];
  const b = readBoard(facilitator);
  const cell = { journeyId, stageId: b.stages[0]!.id, channelId: b.channels[0]!.id };
  const ids = Array.from({ length: count }, (_, i) => addTouchpoint(facilitator, cell, `Je fais l’étape ${i}`));
  syncAll(docs);
  return { facilitator, participant, ids, journeyId, stageId: cell.stageId };
}

/** Sends everything `from` has that `to` lacks, as the relay would. */
const send = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'provider');

describe('watching for deletions by others', () => {
  it('sees a participant delete many cards, and not the facilitator’s own deletions or undos', () => {
    const { facilitator, participant, ids } = workshop(10);
    let clock = 0;
    const watch = watchMassDeletion(facilitator, () => clock);
    const undo = createUndoManager(facilitator);
    deleteTouchpoint(facilitator, ids[0]!);
    undo.undo();
    expect(watch.getBurst()).toBeNull();

    for (const id of ids.slice(1, 7)) {
      clock += 500;
      deleteTouchpoint(participant, id);
      send(participant, facilitator);
    }
    const burst = watch.getBurst()!;
    expect(burst.massive).toBe(true);
    expect(burst.ids).toEqual(ids.slice(1, 7));
    expect(burst.events[0]!.cardsBefore).toBe(10);
    watch.clear();
    expect(watch.getBurst()).toBeNull();
    watch.destroy();
  });

  it('names the writer when the deleting transaction also wrote (a card unlinked from a pain point)', () => {
    const { facilitator, participant, ids, journeyId, stageId } = workshop(3);
    const pain = addPainPoint(participant, journeyId, stageId, { text: 'Trop de champs' });
    togglePainPointTouchpoint(participant, pain, ids[0]!);
    send(participant, facilitator);
    const watch = watchMassDeletion(facilitator);
    deleteTouchpoint(participant, ids[0]!);
    send(participant, facilitator);
    expect(watch.getBurst()!.authors).toEqual([participant.clientID]);
  });
});

describe('restoring deleted touchpoints from versions', () => {
  it('brings back the deleted cards and their links, keeps later work, and undoes in one step', () => {
    const { facilitator, participant, ids, journeyId, stageId } = workshop(6);
    const pain = addPainPoint(facilitator, journeyId, stageId, { text: 'Trop de champs', touchpointIds: [ids[0]!] });
    syncAll([facilitator, participant]);
    const version = new Y.Doc();
    Y.applyUpdate(version, Y.encodeStateAsUpdate(facilitator));
    const before = readBoard(facilitator).touchpoints;

    // Work after the version: a new card; then a participant deletes five cards.
    const b = readBoard(facilitator);
    const later = addTouchpoint(facilitator, { journeyId, stageId: b.stages[1]!.id, channelId: b.channels[0]!.id }, 'Je reviens');
    send(facilitator, participant);
    for (const id of ids.slice(0, 5)) deleteTouchpoint(participant, id);
    send(participant, facilitator);
    expect(readBoard(facilitator).touchpoints).toHaveLength(2);

    const undo = createUndoManager(facilitator);
    const restored = restoreDeletedTouchpoints(facilitator, [version], [...ids.slice(0, 5), 'never-existed-00']);
    expect(restored).toEqual(ids.slice(0, 5));
    const now = readBoard(facilitator);
    expect(now.touchpoints.map((t) => t.id).sort()).toEqual([...before.map((t) => t.id), later].sort());
    expect(now.touchpoints.find((t) => t.id === ids[0])!.text).toBe(before.find((t) => t.id === ids[0])!.text);
    expect(now.painPoints.find((p) => p.id === pain)!.touchpointIds).toEqual([ids[0]]);

    send(facilitator, participant);
    expect(readBoard(participant).touchpoints).toHaveLength(7);
    undo.undo();
    expect(
      readBoard(facilitator)
        .touchpoints.map((t) => t.id)
        .sort(),
    ).toEqual([ids[5], later].sort());
  });

  it('takes each card from the newest version that holds it and leaves cards already back alone', () => {
    const { facilitator, participant, ids } = workshop(2);
    const older = new Y.Doc();
    Y.applyUpdate(older, Y.encodeStateAsUpdate(facilitator));
    deleteTouchpoint(participant, ids[0]!);
    send(participant, facilitator);
    const newer = new Y.Doc(); // taken after the first deletion: lacks that card
    Y.applyUpdate(newer, Y.encodeStateAsUpdate(facilitator));
    deleteTouchpoint(participant, ids[1]!);
    send(participant, facilitator);

    expect(restoreDeletedTouchpoints(facilitator, [newer, older], ids)).toEqual(ids);
    expect(restoreDeletedTouchpoints(facilitator, [newer, older], ids)).toEqual([]);
    expect(readBoard(facilitator).touchpoints).toHaveLength(2);
  });
});
