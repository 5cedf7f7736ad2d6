import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  addLane,
  addTouchpoint,
  deleteLane,
  moveLane,
  renameLane,
  setTouchpointEvaluation,
  setTouchpointText,
} from '../../src/doc/commands';
import { readBoard } from '../../src/doc/projection';
import { createUndoManager } from '../../src/doc/undo';
import { journeyMatrix } from '../../src/model/matrix';
import { laneIds, laneNames, peersOf, syncAll } from '../helpers/boardDoc';

function twoPeers() {
  const { docs, journeyId } = peersOf(2);
  const [mine, theirs] = docs as [Y.Doc, Y.Doc];
  return { docs, mine, theirs, journeyId, undo: createUndoManager(mine) };
}

describe('createUndoManager', () => {
  it('undoes and redoes my own edit', () => {
    const { mine, journeyId, undo } = twoPeers();
    const [s] = laneIds(mine, 'stages', journeyId);
    renameLane(mine, 'stages', s!, 'Prise de conscience');
    undo.undo();
    expect(laneNames(mine, 'stages', journeyId)[0]).toBe('Découverte');
    undo.redo();
    expect(laneNames(mine, 'stages', journeyId)[0]).toBe('Prise de conscience');
  });

  it('does not track the initial state loaded from the server', () => {
    const { undo } = twoPeers();
    expect(undo.undoStack).toHaveLength(0);
  });

  it('undoes my edits only: remote updates applied with another origin stay', () => {
    const { docs, mine, theirs, journeyId, undo } = twoPeers();
    const stages = laneIds(mine, 'stages', journeyId);
    const mineLane = addLane(mine, 'stages', journeyId, 'Onboarding');
    undo.stopCapturing();
    renameLane(theirs, 'stages', stages[0]!, 'Prise de conscience');
    const theirLane = addLane(theirs, 'channels', journeyId, 'Chatbot');
    syncAll(docs);
    moveLane(mine, 'stages', stages[4]!, 0);

    expect(undo.undoStack).toHaveLength(2);
    undo.undo();
    undo.undo();
    expect(undo.canUndo()).toBe(false);
    syncAll(docs);

    for (const doc of docs) {
      const names = laneNames(doc, 'stages', journeyId);
      expect(names).toEqual(['Prise de conscience', 'Évaluation', 'Achat', 'Usage & fidélisation', 'Recommandation']);
      expect(laneIds(doc, 'stages', journeyId)).not.toContain(mineLane);
      expect(laneIds(doc, 'channels', journeyId)).toContain(theirLane);
    }
  });

  it('restores a deleted lane and all its touchpoints, with their text, in one undo', () => {
    const { docs, mine, journeyId, undo } = twoPeers();
    const [s1, s2] = laneIds(mine, 'stages', journeyId);
    const [c1, c2] = laneIds(mine, 'channels', journeyId);
    addTouchpoint(mine, { journeyId, stageId: s1!, channelId: c1! }, 'Je vois une publicité 📺', 'delight');
    const typed = addTouchpoint(mine, { journeyId, stageId: s1!, channelId: c2! }, 'Je lis');
    setTouchpointText(mine, typed, "Je lis l'email de bienvenue");
    addTouchpoint(mine, { journeyId, stageId: s2!, channelId: c1! }, 'Je compare');
    undo.stopCapturing();
    const before = readBoard(mine);

    deleteLane(mine, 'stages', s1!);
    expect(readBoard(mine).touchpoints).toHaveLength(1);
    undo.undo();

    expect(readBoard(mine)).toEqual(before);
    // The restored records are live: they sync and can be edited again.
    setTouchpointText(mine, typed, "Je lis l'email");
    syncAll(docs);
    for (const doc of docs) {
      expect(
        readBoard(doc)
          .touchpoints.map((t) => t.text)
          .sort(),
      ).toEqual(['Je compare', "Je lis l'email", 'Je vois une publicité 📺']);
    }
  });

  it('puts back in place a card a peer added to the lane I deleted, when I undo the delete', () => {
    const { docs, mine, theirs, journeyId, undo } = twoPeers();
    const [s1] = laneIds(mine, 'stages', journeyId);
    const [c1] = laneIds(mine, 'channels', journeyId);
    deleteLane(mine, 'stages', s1!);
    const card = addTouchpoint(theirs, { journeyId, stageId: s1!, channelId: c1! }, 'Je clique sur une annonce');
    syncAll(docs);
    expect(journeyMatrix(readBoard(mine), journeyId).unplaced.map((t) => t.id)).toEqual([card]);

    undo.undo();
    syncAll(docs);
    for (const doc of docs) {
      const m = journeyMatrix(readBoard(doc), journeyId);
      expect(m.unplaced).toEqual([]);
      expect(m.cellCards.get(`${s1}|${c1}`)?.map((t) => t.id)).toEqual([card]);
    }
  });

  it("undoes typing without undoing a peer's typing in the same card", () => {
    const { docs, mine, theirs, journeyId, undo } = twoPeers();
    const [s] = laneIds(theirs, 'stages', journeyId);
    const [c] = laneIds(theirs, 'channels', journeyId);
    const id = addTouchpoint(theirs, { journeyId, stageId: s!, channelId: c! }, 'Je remplis le formulaire');
    syncAll(docs);
    setTouchpointText(mine, id, 'Je remplis vite le formulaire');
    setTouchpointText(theirs, id, 'Je remplis le formulaire de devis');
    syncAll(docs);
    undo.undo();
    syncAll(docs);
    for (const doc of docs) expect(readBoard(doc).touchpoints[0]!.text).toBe('Je remplis le formulaire de devis');
  });

  it('makes each command its own undo step, and keystrokes in one card a single step', () => {
    const { mine, journeyId, undo } = twoPeers();
    const [stageId] = laneIds(mine, 'stages', journeyId);
    const [channelId] = laneIds(mine, 'channels', journeyId);
    const id = addTouchpoint(mine, { journeyId, stageId: stageId!, channelId: channelId! });
    for (const text of ['J', 'Je', 'Je p', 'Je paie']) setTouchpointText(mine, id, text);
    setTouchpointEvaluation(mine, id, 'pain');
    const card = () => readBoard(mine).touchpoints.find((t) => t.id === id);
    undo.undo();
    expect(card()).toMatchObject({ text: 'Je paie', evaluation: null });
    undo.undo();
    expect(card()).toMatchObject({ text: '' });
    undo.undo();
    expect(card()).toBeUndefined();
  });
});
