import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addLaneCard,
  addPainPoint,
  addTouchpoint,
  deleteLane,
  deleteTouchpoint,
  duplicateJourney,
  moveTouchpoint,
  renameBoard,
  renameLane,
  setEmotionScore,
  setTouchpointEvaluation,
  setTouchpointText,
} from '../../src/doc/commands';
import { createLiveBoard } from '../../src/doc/liveBoard';
import { readBoard } from '../../src/doc/projection';
import { RECORD_KINDS } from '../../src/model/records';
import { EVALUATIONS } from '../../src/model/types';
import { laneIds, newBoard } from '../helpers/boardDoc';
import { mulberry32 } from '../helpers/mulberry32';

const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 5));
const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'remote');

/** A board of `count` cards over its 30 cells, and a peer holding the same state. */
function boardWithPeer(count: number) {
  const { doc, journeyId } = newBoard();
  const stages = laneIds(doc, 'stages', journeyId);
  const channels = laneIds(doc, 'channels', journeyId);
  const cards = Array.from({ length: count }, (_, i) =>
    addTouchpoint(
      doc,
      { journeyId, stageId: stages[i % stages.length]!, channelId: channels[i % channels.length]! },
      `Je fais ${i}`,
      EVALUATIONS[i % 3] ?? null,
    ),
  );
  const peer = new Y.Doc();
  sync(doc, peer);
  return { doc, peer, journeyId, stages, channels, cards };
}

describe('createLiveBoard', () => {
  it('reads what readBoard reads, through a long run of local and remote edits of every kind', async () => {
    const { doc, peer, journeyId, stages, channels, cards } = boardWithPeer(40);
    const live = createLiveBoard(doc);
    expect(live.getSnapshot()).toEqual(readBoard(doc));
    const random = mulberry32(7);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
    const edits: ((on: Y.Doc) => void)[] = [
      (on) => setTouchpointText(on, pick(cards), `Je tape ${random().toFixed(3)}`),
      (on) => setTouchpointEvaluation(on, pick(cards), pick([...EVALUATIONS, null])),
      (on) => moveTouchpoint(on, pick(cards), { stageId: pick(stages), channelId: pick(channels), index: 0 }),
      (on) => cards.push(addTouchpoint(on, { journeyId, stageId: pick(stages), channelId: pick(channels) }, 'Je reviens')),
      (on) => deleteTouchpoint(on, pick(cards)),
      (on) => renameLane(on, 'stages', pick(stages), `Étape ${random().toFixed(2)}`),
      (on) => setEmotionScore(on, journeyId, pick(stages), Math.round(random() * 4) - 2),
      (on) => addPainPoint(on, journeyId, pick(stages), { text: 'Attente' }),
      (on) => addLaneCard(on, journeyId, pick(stages), 'thinks', 'Je doute'),
      (on) => renameBoard(on, `Carte ${random().toFixed(2)}`),
    ];
    for (let step = 0; step < 150; step++) {
      const remote = random() < 0.5;
      pick(edits)(remote ? peer : doc);
      if (remote) sync(peer, doc);
      else sync(doc, peer);
      expect(live.getSnapshot()).toEqual(readBoard(doc));
      if (step % 25 === 0) await nextFrame();
    }
    // A journey copied, then a lane deleted with its cards.
    duplicateJourney(doc, journeyId, { name: 'Parcours cible', kind: 'target' });
    deleteLane(doc, 'channels', channels[0]!);
    expect(live.getSnapshot()).toEqual(readBoard(doc));
  });

  it('reads one card again when it is reworded, and keeps every other record and list the same object', async () => {
    const { doc, peer, cards } = boardWithPeer(200);
    const live = createLiveBoard(doc);
    const before = live.getSnapshot();
    const structure = live.getStructureSnapshot();
    setTouchpointText(peer, cards[17]!, 'Je paie en trois fois');
    sync(peer, doc);
    const after = live.getSnapshot();
    for (const kind of RECORD_KINDS) if (kind !== 'touchpoints') expect(after[kind]).toBe(before[kind]);
    const changed = after.touchpoints.filter((t, i) => t !== before.touchpoints[i]);
    expect(changed.map((t) => [t.id, t.text])).toEqual([[cards[17], 'Je paie en trois fois']]);
    expect(live.getRecord('touchpoints', cards[17]!)).toBe(changed[0]);
    // Typing leaves the structure alone.
    expect(live.getStructureSnapshot()).toBe(structure);
    await nextFrame();
    expect(live.getStructureSnapshot()).toBe(structure);
  });

  it('tells the card that changed, and the structure only when more than a text changed', async () => {
    const { doc, peer, cards } = boardWithPeer(50);
    const live = createLiveBoard(doc);
    live.getSnapshot();
    const told: string[] = [];
    live.subscribeRecord('touchpoints', cards[3]!, () => told.push('card 3'));
    live.subscribeRecord('touchpoints', cards[4]!, () => told.push('card 4'));
    live.subscribeStructure(() => told.push('structure'));
    live.subscribe(() => told.push('board'));
    for (const letter of 'Je tape') {
      setTouchpointText(peer, cards[3]!, `${live.getRecord('touchpoints', cards[3]!)!.text}${letter}`);
      sync(peer, doc);
    }
    // Seven remote keystrokes, told once, on the next frame.
    expect(told).toEqual([]);
    await nextFrame();
    expect(told).toEqual(['card 3', 'board']);
    told.length = 0;
    setTouchpointEvaluation(doc, cards[4]!, 'pain');
    expect(told).toEqual(['card 4', 'structure', 'board']);
    expect(live.getStructureSnapshot().touchpoints.find((t) => t.id === cards[4])?.evaluation).toBe('pain');
  });

  it('tells nobody of a transaction that changed nothing on the board', () => {
    const { doc, cards } = boardWithPeer(5);
    const live = createLiveBoard(doc);
    const before = live.getSnapshot();
    let told = 0;
    live.subscribe(() => told++);
    setTouchpointEvaluation(doc, cards[0]!, live.getRecord('touchpoints', cards[0]!)!.evaluation);
    doc.transact(() => doc.getMap('comments').set('c1', new Y.Map()));
    expect(told).toBe(0);
    expect(live.getSnapshot()).toBe(before);
  });
});
