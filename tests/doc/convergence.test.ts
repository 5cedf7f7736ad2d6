/**
 * Convergence, tested the way Yjs tests itself: several in-memory docs run random commands
 * from a seeded source, exchange updates in random order, and must end up identical.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  addLane,
  addTouchpoint,
  deleteLane,
  deleteTouchpoint,
  moveLane,
  moveTouchpoint,
  renameBoard,
  renameLane,
  setTouchpointEvaluation,
  setTouchpointText,
  addPainPoint,
  updatePainPoint,
  deletePainPoint,
  togglePainPointTouchpoint,
  setEmotionScore,
  setEmotionWords,
  addKpi,
  updateKpi,
  setLaneOwner,
  addLaneCard,
  setLaneCardText,
  addAction,
  updateAction,
  deleteAction,
  addPersona,
  updatePersona,
  updateJourney,
  setFraming,
  setExtraRow,
  setMomentOfTruth,
  painPointFromTouchpoint,
} from '../../src/doc/commands';
import { readBoard } from '../../src/doc/projection';
import { createUndoManager } from '../../src/doc/undo';
import { journeyMatrix } from '../../src/model/matrix';
import { EVALUATIONS, EXTRA_ROWS, FRAMING_FIELDS, type LaneKind } from '../../src/model/types';
import { laneIds, peersOf, syncAll } from '../helpers/boardDoc';
import { Network } from '../helpers/network';
import { type Random, createRandom, seedRecordIds } from '../helpers/random';

/** One random user edit on `doc`, chosen from what that doc currently shows. */
function randomCommand(random: Random, doc: Y.Doc, journeyId: string, undo: Y.UndoManager): void {
  const kind: LaneKind = random.chance(0.6) ? 'stages' : 'channels';
  const lanes = laneIds(doc, kind, journeyId);
  const stages = laneIds(doc, 'stages', journeyId);
  const channels = laneIds(doc, 'channels', journeyId);
  const cards = readBoard(doc).touchpoints;
  const card = cards.length > 0 ? random.pick(cards) : null;
  const roll = random.int(0, 129);

  if (roll < 8) addLane(doc, kind, journeyId, random.word(), random.int(0, lanes.length));
  else if (roll < 13 && lanes.length > 0) renameLane(doc, kind, random.pick(lanes), random.word());
  else if (roll < 21 && lanes.length > 0) moveLane(doc, kind, random.pick(lanes), random.int(0, lanes.length - 1));
  else if (roll < 26 && lanes.length > 2) deleteLane(doc, kind, random.pick(lanes));
  else if (roll < 46 && stages.length > 0 && channels.length > 0) {
    const evaluation = random.chance(0.5) ? random.pick(EVALUATIONS) : null;
    const target = { journeyId, stageId: random.pick(stages), channelId: random.pick(channels) };
    addTouchpoint(doc, { ...target, index: random.int(0, 3) }, `Je ${random.word()}`, evaluation);
  } else if (roll < 64 && card) {
    const chars = Array.from(card.text);
    const at = random.int(0, chars.length);
    const removed = random.chance(0.4) ? random.int(0, chars.length - at) : 0;
    chars.splice(at, removed, ...(random.chance(0.8) ? [random.word(4)] : []));
    setTouchpointText(doc, card.id, chars.join(''));
  } else if (roll < 70 && card) setTouchpointEvaluation(doc, card.id, random.chance(0.8) ? random.pick(EVALUATIONS) : null);
  else if (roll < 84 && card && stages.length > 0 && channels.length > 0) {
    const stageId = random.chance(0.3) ? card.stageId : random.pick(stages);
    moveTouchpoint(doc, card.id, { stageId, channelId: random.pick(channels), index: random.int(0, 3) });
  } else if (roll < 91 && card) deleteTouchpoint(doc, card.id);
  else if (roll < 93) renameBoard(doc, random.word(12));
  else if (roll < 97) undo.undo();
  else if (roll < 100) undo.redo();
  else journeyDepthCommand(random, doc, journeyId);
}

/** One random edit of the records around the matrix (schema v2). */
function journeyDepthCommand(random: Random, doc: Y.Doc, journeyId: string): void {
  const board = readBoard(doc);
  const stages = laneIds(doc, 'stages', journeyId);
  const stageId = stages.length > 0 ? random.pick(stages) : null;
  const card = board.touchpoints.length > 0 ? random.pick(board.touchpoints) : null;
  const pain = board.painPoints.length > 0 ? random.pick(board.painPoints) : null;
  const action = board.actions.length > 0 ? random.pick(board.actions) : null;
  const roll = random.int(0, 17);
  if (roll === 0 && stageId) addPainPoint(doc, journeyId, stageId, { text: random.word(), severity: random.int(1, 3) as 1 | 2 | 3 });
  else if (roll === 1 && pain) updatePainPoint(doc, pain.id, { text: random.word(), severity: random.int(1, 3) as 1 | 2 | 3 });
  else if (roll === 2 && pain && card) togglePainPointTouchpoint(doc, pain.id, card.id);
  else if (roll === 3 && pain) deletePainPoint(doc, pain.id);
  else if (roll === 4 && stageId) setEmotionScore(doc, journeyId, stageId, random.int(-2, 2));
  else if (roll === 5 && stageId) setEmotionWords(doc, journeyId, stageId, random.word());
  else if (roll === 6 && stageId)
    addKpi(doc, journeyId, stageId, { name: 'NPS', current: String(random.int(0, 80)), target: '60', unit: '' });
  else if (roll === 7 && board.kpis.length > 0) updateKpi(doc, random.pick(board.kpis).id, { current: String(random.int(0, 99)) });
  else if (roll === 8 && stageId) setLaneOwner(doc, 'stages', stageId, random.word());
  else if (roll === 9 && stageId) addLaneCard(doc, journeyId, stageId, random.pick(EXTRA_ROWS), random.word());
  else if (roll === 10 && board.laneCards.length > 0) setLaneCardText(doc, random.pick(board.laneCards).id, random.word());
  else if (roll === 11)
    addAction(doc, { title: random.word(), impact: random.int(1, 4), effort: random.int(1, 4), links: pain ? [pain.id] : [] });
  else if (roll === 12 && action)
    updateAction(doc, action.id, { impact: random.int(1, 4), status: random.pick(['todo', 'doing', 'done'] as const) });
  else if (roll === 13 && action) deleteAction(doc, action.id);
  else if (roll === 14) {
    const personaId =
      board.personas.length > 0 && random.chance(0.5) ? random.pick(board.personas).id : addPersona(doc, { name: random.word() });
    updatePersona(doc, personaId, { goals: random.word() });
    updateJourney(doc, journeyId, { personaId });
  } else if (roll === 15) setFraming(doc, journeyId, random.pick(FRAMING_FIELDS), random.word());
  else if (roll === 16) setExtraRow(doc, journeyId, random.pick(EXTRA_ROWS), random.chance(0.5));
  else if (card) {
    if (random.chance(0.5)) setMomentOfTruth(doc, card.id, random.chance(0.5));
    else painPointFromTouchpoint(doc, card.id);
  }
}

function expectConverged(docs: readonly Y.Doc[], journeyId: string): void {
  const [first, ...others] = docs as [Y.Doc, ...Y.Doc[]];
  const board = readBoard(first);
  const vector = Y.encodeStateVector(first);
  for (const doc of others) {
    expect(readBoard(doc)).toEqual(board);
    expect(Y.encodeStateVector(doc)).toEqual(vector);
  }
  for (const doc of docs) {
    expect(doc.store.pendingStructs).toBeNull();
    expect(doc.store.pendingDs).toBeNull();
  }
  // Every touchpoint of the journey is visible: in a cell or in the unplaced tray.
  const m = journeyMatrix(board, journeyId);
  const shown = [...m.cellCards.values()].reduce((n, list) => n + list.length, 0) + m.unplaced.length;
  expect(shown).toBe(board.touchpoints.filter((t) => t.journeyId === journeyId).length);
}

describe('convergence under random concurrent edits', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const SEEDS = 30;
  const STEPS = 60;

  it(`converges for ${SEEDS} seeds × ${STEPS} random commands on 3 docs, with shuffled, batched and delayed delivery`, () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const random = createRandom(seed);
      seedRecordIds(random);
      const { docs, journeyId } = peersOf(3);
      const undos = docs.map((doc) => createUndoManager(doc));
      const network = new Network(docs);
      let edits = 0;
      for (let step = 0; step < STEPS; step++) {
        const who = random.int(0, docs.length - 1);
        randomCommand(random, docs[who]!, journeyId, undos[who]!);
        // Separate undo steps, as a person pausing between edits would.
        if (random.chance(0.5)) undos[who]!.stopCapturing();
        edits++;
        if (random.chance(0.4)) network.deliverSome(random);
      }
      network.flush(random);
      expect(network.pending).toBe(0);
      try {
        expectConverged(docs, journeyId);
      } catch (error) {
        throw new Error(`seed ${seed} (${edits} edits) did not converge: ${String(error)}`, { cause: error });
      }
      vi.restoreAllMocks();
    }
  });
});

describe('targeted concurrent scenarios', () => {
  let docs: Y.Doc[];
  let journeyId: string;
  let a: Y.Doc;
  let b: Y.Doc;

  beforeEach(() => {
    ({ docs, journeyId } = peersOf(3));
    [a, b] = docs as [Y.Doc, Y.Doc];
  });

  it('converges to one stage order, every stage present once, when two people reorder at once', () => {
    const ids = laneIds(a, 'stages', journeyId);
    moveLane(a, 'stages', ids[0]!, 4);
    moveLane(a, 'stages', ids[2]!, 0);
    moveLane(b, 'stages', ids[4]!, 0);
    moveLane(b, 'stages', ids[0]!, 2); // the same stage, moved elsewhere by each of them
    syncAll(docs);
    const order = laneIds(a, 'stages', journeyId);
    for (const doc of docs) expect(laneIds(doc, 'stages', journeyId)).toEqual(order);
    expect([...order].sort()).toEqual([...ids].sort());
    // One of the two moves of ids[0] wins as a whole.
    expect([...order].indexOf(ids[0]!)).not.toBe(-1);
    expectConverged(docs, journeyId);
  });

  it('keeps both stages when two people insert one at the same place, then orders them the same everywhere', () => {
    const x = addLane(a, 'stages', journeyId, 'Démo', 2);
    const y = addLane(b, 'stages', journeyId, 'Négociation', 2);
    syncAll(docs);
    const order = laneIds(a, 'stages', journeyId);
    expect(order).toHaveLength(7);
    expect(order.slice(2, 4).sort()).toEqual([x, y].sort());
    for (const doc of docs) expect(laneIds(doc, 'stages', journeyId)).toEqual(order);
  });

  it('never loses a touchpoint added to a stage someone else deletes: it waits in the unplaced tray', () => {
    const [s0, s1] = laneIds(a, 'stages', journeyId);
    const [c0, c1] = laneIds(a, 'channels', journeyId);
    deleteLane(a, 'stages', s1!);
    const added = addTouchpoint(b, { journeyId, stageId: s1!, channelId: c0! }, 'Je demande un devis', 'pain');
    syncAll(docs);

    for (const doc of docs) {
      const board = readBoard(doc);
      expect(board.stages.map((s) => s.id)).not.toContain(s1);
      expect(board.touchpoints.map((t) => t.id)).toEqual([added]);
      expect(journeyMatrix(board, journeyId).unplaced.map((t) => t.id)).toEqual([added]);
    }
    expectConverged(docs, journeyId);

    moveTouchpoint(docs[2]!, added, { stageId: s0!, channelId: c1!, index: 0 });
    syncAll(docs);
    for (const doc of docs) {
      const m = journeyMatrix(readBoard(doc), journeyId);
      expect(m.unplaced).toEqual([]);
      expect(m.cellCards.get(`${s0}|${c1}`)?.map((t) => [t.id, t.text, t.evaluation])).toEqual([[added, 'Je demande un devis', 'pain']]);
    }
    expectConverged(docs, journeyId);
  });

  it('puts a card moved into a concurrently deleted channel in the unplaced tray', () => {
    const [s0] = laneIds(a, 'stages', journeyId);
    const [c0, c1] = laneIds(a, 'channels', journeyId);
    const card = addTouchpoint(a, { journeyId, stageId: s0!, channelId: c0! }, 'Je lis la FAQ');
    syncAll(docs);
    deleteLane(a, 'channels', c1!);
    moveTouchpoint(b, card, { stageId: s0!, channelId: c1!, index: 0 });
    syncAll(docs);
    for (const doc of docs) expect(journeyMatrix(readBoard(doc), journeyId).unplaced.map((t) => t.id)).toEqual([card]);
    expectConverged(docs, journeyId);
  });

  it('keeps both insertions when two people type at different places in one card', () => {
    const [s0] = laneIds(a, 'stages', journeyId);
    const [c0] = laneIds(a, 'channels', journeyId);
    const card = addTouchpoint(a, { journeyId, stageId: s0!, channelId: c0! }, "Je m'inscris à la newsletter");
    syncAll(docs);
    setTouchpointText(a, card, "Je m'inscris enfin à la newsletter");
    setTouchpointText(b, card, "Je m'inscris à la newsletter mensuelle 📰");
    setTouchpointText(docs[2]!, card, "J'ai vu et je m'inscris à la newsletter");
    syncAll(docs);
    for (const doc of docs) {
      expect(readBoard(doc).touchpoints[0]!.text).toBe("J'ai vu et je m'inscris enfin à la newsletter mensuelle 📰");
    }
    expectConverged(docs, journeyId);
  });
});
