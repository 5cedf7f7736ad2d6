/**
 * Convergence fuzz through a relay-shaped network: 4 peers run seeded random commands while
 * their links to the relay drop and come back (losing what was in flight) and messages arrive
 * interleaved across links, sometimes out of order within one. After everyone reconnects, every
 * peer and the relay hold the same document. FUZZ_SEEDS / FUZZ_STEPS widen the run.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  addLane,
  addPainPoint,
  addPersona,
  addTouchpoint,
  deleteLane,
  deletePainPoint,
  deletePersona,
  deleteTouchpoint,
  moveLane,
  moveTouchpoint,
  renameBoard,
  renameLane,
  setEmotionScore,
  setTouchpointEvaluation,
  setTouchpointText,
  togglePainPointTouchpoint,
} from '../../src/doc/commands';
import { readBoard } from '../../src/doc/projection';
import { createUndoManager } from '../../src/doc/undo';
import { EVALUATIONS, type LaneKind } from '../../src/model/types';
import { laneIds, peersOf } from '../helpers/boardDoc';
import { createRandom, seedRecordIds, type Random } from '../helpers/random';
import { StarNetwork } from './fuzzNetwork';

const SEEDS = Number(process.env.FUZZ_SEEDS ?? 50);
const STEPS = Number(process.env.FUZZ_STEPS ?? 100);
const PEERS = 4;

/** One random edit, chosen from what `doc` currently shows. */
function randomEdit(random: Random, doc: Y.Doc, journeyId: string, undo: Y.UndoManager): void {
  const kind: LaneKind = random.chance(0.6) ? 'stages' : 'channels';
  const lanes = laneIds(doc, kind, journeyId);
  const stages = laneIds(doc, 'stages', journeyId);
  const channels = laneIds(doc, 'channels', journeyId);
  const board = readBoard(doc);
  const card = board.touchpoints.length > 0 ? random.pick(board.touchpoints) : null;
  const roll = random.int(0, 99);
  if (roll < 7) addLane(doc, kind, journeyId, random.word(), random.int(0, lanes.length));
  else if (roll < 11 && lanes.length > 0) renameLane(doc, kind, random.pick(lanes), random.word());
  else if (roll < 17 && lanes.length > 0) moveLane(doc, kind, random.pick(lanes), random.int(0, lanes.length - 1));
  else if (roll < 21 && lanes.length > 2) deleteLane(doc, kind, random.pick(lanes));
  else if (roll < 40 && stages.length > 0 && channels.length > 0) {
    const target = { journeyId, stageId: random.pick(stages), channelId: random.pick(channels), index: random.int(0, 3) };
    addTouchpoint(doc, target, `Je ${random.word()}`, random.chance(0.5) ? random.pick(EVALUATIONS) : null);
  } else if (roll < 56 && card) {
    const chars = Array.from(card.text);
    const at = random.int(0, chars.length);
    chars.splice(at, random.chance(0.4) ? random.int(0, chars.length - at) : 0, ...(random.chance(0.8) ? [random.word(4)] : []));
    setTouchpointText(doc, card.id, chars.join(''));
  } else if (roll < 61 && card) setTouchpointEvaluation(doc, card.id, random.chance(0.8) ? random.pick(EVALUATIONS) : null);
  else if (roll < 72 && card && stages.length > 0 && channels.length > 0) {
    moveTouchpoint(doc, card.id, { stageId: random.pick(stages), channelId: random.pick(channels), index: random.int(0, 3) });
  } else if (roll < 78 && card) deleteTouchpoint(doc, card.id);
  else if (roll < 81 && stages.length > 0) setEmotionScore(doc, journeyId, random.pick(stages), random.int(-2, 2));
  else if (roll < 84 && stages.length > 0)
    addPainPoint(doc, journeyId, random.pick(stages), { text: random.word(10), severity: random.int(1, 3) as 1 | 2 | 3 });
  else if (roll < 87 && board.painPoints.length > 0 && card) togglePainPointTouchpoint(doc, random.pick(board.painPoints).id, card.id);
  else if (roll < 88 && board.painPoints.length > 0) deletePainPoint(doc, random.pick(board.painPoints).id);
  else if (roll < 90) addPersona(doc, { name: random.word(8) });
  else if (roll < 91 && board.personas.length > 0) deletePersona(doc, random.pick(board.personas).id);
  else if (roll < 93) renameBoard(doc, random.word(12));
  else if (roll < 97) undo.undo();
  else undo.redo();
}

function runSeed(seed: number): { disconnects: number; lostInFlight: number } {
  const random = createRandom(seed);
  seedRecordIds(random);
  const { docs, journeyId } = peersOf(PEERS);
  const undos = docs.map((doc) => createUndoManager(doc));
  const network = new StarNetwork(docs);
  let disconnects = 0;
  let lostInFlight = 0;
  for (let step = 0; step < STEPS; step++) {
    const who = random.int(0, PEERS - 1);
    randomEdit(random, docs[who] as Y.Doc, journeyId, undos[who] as Y.UndoManager);
    if (random.chance(0.5)) undos[who]?.stopCapturing();
    for (let n = random.int(0, 6); n > 0; n--) network.deliverOne(random);
    if (random.chance(0.08)) {
      const peer = random.int(0, PEERS - 1);
      if (network.isOnline(peer)) {
        const before = network.inFlight;
        network.disconnect(peer);
        lostInFlight += before - network.inFlight;
        disconnects++;
      } else network.connect(peer);
    }
  }
  for (let i = 0; i < PEERS; i++) network.connect(i);
  network.drain(random);

  const expected = readBoard(network.relay);
  const vector = Y.encodeStateVector(network.relay);
  for (const doc of [network.relay, ...docs]) {
    expect(readBoard(doc)).toEqual(expected);
    expect(Y.encodeStateVector(doc)).toEqual(vector);
    expect(doc.store.pendingStructs).toBeNull();
    expect(doc.store.pendingDs).toBeNull();
  }
  return { disconnects, lostInFlight };
}

describe('convergence through a relay with dropping links', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it(
    `converges for ${SEEDS} seeds × ${STEPS} commands × ${PEERS} peers with random disconnects and delivery order`,
    () => {
      let disconnects = 0;
      let lost = 0;
      for (let seed = 1; seed <= SEEDS; seed++) {
        try {
          const run = runSeed(seed);
          disconnects += run.disconnects;
          lost += run.lostInFlight;
        } catch (error) {
          throw new Error(`seed ${seed} did not converge: ${String(error)}`, { cause: error });
        } finally {
          vi.restoreAllMocks();
        }
      }
      // The scenario really dropped links with messages in flight.
      expect(disconnects).toBeGreaterThan(SEEDS);
      expect(lost).toBeGreaterThan(SEEDS);
    },
    Math.max(60_000, SEEDS * STEPS * 10),
  );
});
