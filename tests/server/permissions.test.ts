import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addComment,
  addLane,
  addTouchpoint,
  deleteLane,
  moveTouchpoint,
  openVote,
  painPointFromTouchpoint,
  placeDot,
  renameBoard,
  renameLane,
  setEmotionScore,
  setStructureLock,
  setTimer,
  setTouchpointEvaluation,
  setTouchpointText,
} from '../../src/doc/commands';
import { readBoard } from '../../src/doc/projection';
import { startTimer } from '../../src/model/workshop';
import { mayApply } from '../../server/permissions';
import { newBoard } from '../helpers/boardDoc';

/** The room's document, and a participant's copy of it; `edit` returns the update the participant's edit makes. */
function setup() {
  const { doc: room, journeyId } = newBoard();
  const b = readBoard(room);
  const cardId = addTouchpoint(room, { journeyId, stageId: b.stages[2]!.id, channelId: b.channels[0]!.id }, 'Je paie', 'pain');
  const voteId = openVote(room, { title: 'v', target: 'touchpoints', journeyId, dotsPerPerson: 3, hidden: false });
  const mine = new Y.Doc();
  Y.applyUpdate(mine, Y.encodeStateAsUpdate(room));
  const edit = (fn: (doc: Y.Doc) => void): Uint8Array => {
    const before = Y.encodeStateVector(mine);
    fn(mine);
    return Y.encodeStateAsUpdate(mine, before);
  };
  return { room, mine, edit, journeyId, stages: b.stages, channels: b.channels, cardId, voteId };
}

describe('participants', () => {
  it('may change the content: cards, text, colours, moves, pain points, emotions, comments, dots', () => {
    const { room, edit, journeyId, stages, channels, cardId, voteId } = setup();
    const allowed: [string, (d: Y.Doc) => void][] = [
      ['add a card', (d) => addTouchpoint(d, { journeyId, stageId: stages[0]!.id, channelId: channels[1]!.id }, 'Je découvre')],
      ['type', (d) => setTouchpointText(d, cardId, 'Je paie en ligne')],
      ['recolour', (d) => setTouchpointEvaluation(d, cardId, 'delight')],
      ['move', (d) => moveTouchpoint(d, cardId, { stageId: stages[1]!.id, channelId: channels[2]!.id, index: 0 })],
      ['pain point', (d) => painPointFromTouchpoint(d, cardId)],
      ['emotion', (d) => setEmotionScore(d, journeyId, stages[0]!.id, -1)],
      ['comment', (d) => addComment(d, cardId, { id: 'p1', name: 'Paul', color: '#2563eb' }, 'Vu')],
      ['dot', (d) => placeDot(d, voteId, 'p1', cardId)],
    ];
    for (const [what, fn] of allowed) {
      const update = edit(fn);
      expect(mayApply('participant', room, update), what).toMatchObject({ ok: true });
      Y.applyUpdate(room, update);
    }
  });

  it('may not change the structure, not even hidden inside an allowed change', () => {
    const { room, edit, journeyId, stages, cardId } = setup();
    const refused: [string, (d: Y.Doc) => void][] = [
      ['rename a stage', (d) => renameLane(d, 'stages', stages[0]!.id, 'Éveil')],
      ['add a channel', (d) => addLane(d, 'channels', journeyId, 'Courrier')],
      ['delete a stage', (d) => deleteLane(d, 'stages', stages[1]!.id)],
      ['rename the board', (d) => renameBoard(d, 'Piraté')],
      ['open a vote', (d) => openVote(d, { title: 'x', target: 'touchpoints', journeyId, dotsPerPerson: 1, hidden: false })],
      ['start the timer', (d) => setTimer(d, startTimer(60_000, 0))],
      ['lock', (d) => setStructureLock(d, { by: 'me', name: 'Moi' })],
      [
        'a card and a stage in one update',
        (d) =>
          d.transact(() => {
            setTouchpointText(d, cardId, 'Je paie');
            renameLane(d, 'stages', stages[0]!.id, 'Éveil');
          }),
      ],
    ];
    for (const [what, fn] of refused) {
      const verdict = mayApply('participant', room, edit(fn));
      expect(verdict.ok, what).toBe(false);
    }
  });

  it('may not send updates that refer to content the relay does not have', () => {
    const { room, edit, cardId } = setup();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(room));
    setTouchpointText(other, cardId, 'Je paie cher');
    const first = Y.encodeStateAsUpdate(other, Y.encodeStateVector(room));
    Y.applyUpdate(other, first);
    const before = Y.encodeStateVector(other);
    setTouchpointText(other, cardId, 'Je paie cher, tout de suite');
    // The second edit builds on the first, which the room never received.
    const second = Y.encodeStateAsUpdate(other, before);
    expect(mayApply('participant', room, second).ok).toBe(false);
    // Once the first arrived, the second is fine.
    Y.applyUpdate(room, first);
    expect(mayApply('participant', room, second).ok).toBe(true);
    expect(edit).toBeDefined();
  });
});

describe('viewers and facilitators', () => {
  it('refuses every update from a viewer and allows everything from a facilitator', () => {
    const { room, edit, cardId, stages } = setup();
    expect(
      mayApply(
        'viewer',
        room,
        edit((d) => setTouchpointText(d, cardId, 'x')),
      ).ok,
    ).toBe(false);
    expect(
      mayApply(
        'facilitator',
        room,
        edit((d) => deleteLane(d, 'stages', stages[0]!.id)),
      ).ok,
    ).toBe(true);
  });
});

describe('a reconnecting participant', () => {
  it('may resend a delete set that includes the facilitator’s earlier structure deletions', () => {
    const { room, mine, cardId, stages } = setup();
    // The facilitator renamed a stage (the old name is deleted) and the participant received it.
    renameLane(room, 'stages', stages[0]!.id, 'Éveil');
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(room, Y.encodeStateVector(mine)));
    // Offline, the participant edits a card; on reconnect it sends all the room lacks, with its whole delete set.
    setTouchpointText(mine, cardId, 'Je paie hors ligne');
    const step2 = Y.encodeStateAsUpdate(mine, Y.encodeStateVector(room));
    expect(mayApply('participant', room, step2)).toMatchObject({ ok: true });
  });
});
