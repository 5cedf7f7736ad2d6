import { describe, expect, it } from 'vitest';
import {
  addAction,
  addKpi,
  addLaneCard,
  addTouchpoint,
  deleteLane,
  deletePainPoint,
  painPointFromTouchpoint,
  setEmotionScore,
  setEmotionWords,
  setLaneOwner,
  setMomentOfTruth,
  togglePainPointTouchpoint,
  updateAction,
  updateKpi,
} from '../../src/doc/commands';
import { readBoard } from '../../src/doc/projection';
import { laneIds, newBoard, peersOf, syncAll } from '../helpers/boardDoc';

function boardWithCard() {
  const { doc, journeyId } = newBoard();
  const [s0, , s2] = laneIds(doc, 'stages', journeyId);
  const [c0] = laneIds(doc, 'channels', journeyId);
  const cardId = addTouchpoint(doc, { journeyId, stageId: s2!, channelId: c0! }, 'Je découvre des frais cachés', 'pain');
  return { doc, journeyId, s0: s0!, s2: s2!, c0: c0!, cardId };
}

describe('around the matrix', () => {
  it('keeps one emotion per stage, clamped to -2..+2, with words', () => {
    const { doc, journeyId, s0 } = boardWithCard();
    setEmotionScore(doc, journeyId, s0, 7);
    setEmotionWords(doc, journeyId, s0, 'confiance');
    setEmotionScore(doc, journeyId, s0, -1.4);
    expect(readBoard(doc).emotions).toEqual([{ stageId: s0, journeyId, score: -1, words: 'confiance' }]);
  });

  it('converges when two people set the first emotion of a stage at once', () => {
    const { docs, journeyId } = peersOf(2);
    const [a, b] = docs as [(typeof docs)[0], (typeof docs)[0]];
    const [s0] = laneIds(a, 'stages', journeyId);
    setEmotionScore(a, journeyId, s0!, 2);
    setEmotionWords(b, journeyId, s0!, 'doute');
    syncAll(docs);
    expect(readBoard(a).emotions).toEqual(readBoard(b).emotions);
    expect(readBoard(a).emotions).toHaveLength(1);
  });

  it('turns a red touchpoint into a linked critical pain point in one step', () => {
    const { doc, s2, cardId } = boardWithCard();
    const id = painPointFromTouchpoint(doc, cardId)!;
    expect(readBoard(doc).painPoints).toMatchObject([
      { id, stageId: s2, text: 'Je découvre des frais cachés', severity: 3, touchpointIds: [cardId] },
    ]);
    togglePainPointTouchpoint(doc, id, cardId);
    expect(readBoard(doc).painPoints[0]!.touchpointIds).toEqual([]);
  });

  it('unlinks a deleted pain point from the actions that addressed it', () => {
    const { doc, cardId } = boardWithCard();
    const pain = painPointFromTouchpoint(doc, cardId)!;
    const action = addAction(doc, { title: 'Afficher les frais', links: [pain, cardId] });
    deletePainPoint(doc, pain);
    expect(readBoard(doc).actions.find((a) => a.id === action)!.links).toEqual([cardId]);
  });

  it('stores stage owners and KPIs, and deleting a stage removes what hangs on it', () => {
    const { doc, journeyId, s2, cardId } = boardWithCard();
    setLaneOwner(doc, 'stages', s2, '  Équipe e-commerce ');
    const kpi = addKpi(doc, journeyId, s2, { name: 'Conversion', current: '2', target: '3', unit: '%' });
    updateKpi(doc, kpi, { current: '2,4' });
    setEmotionScore(doc, journeyId, s2, 1);
    painPointFromTouchpoint(doc, cardId);
    addLaneCard(doc, journeyId, s2, 'does', 'Compare');
    const b = readBoard(doc);
    expect(b.stages.find((s) => s.id === s2)!.owner).toBe('Équipe e-commerce');
    expect(b.kpis[0]).toMatchObject({ name: 'Conversion', current: '2,4', target: '3', unit: '%' });
    deleteLane(doc, 'stages', s2);
    const after = readBoard(doc);
    expect([after.kpis, after.emotions, after.painPoints, after.laneCards, after.touchpoints]).toEqual([[], [], [], [], []]);
  });

  it('flags moments of truth', () => {
    const { doc, cardId } = boardWithCard();
    setMomentOfTruth(doc, cardId, true);
    expect(readBoard(doc).touchpoints[0]!.momentOfTruth).toBe(true);
  });

  it('clamps action scores and keeps statuses and due dates valid', () => {
    const { doc } = newBoard();
    const id = addAction(doc, { title: 'Refondre le formulaire de devis', impact: 9, effort: 0, due: '2027-03-31' });
    updateAction(doc, id, { status: 'doing', due: 'demain' });
    expect(readBoard(doc).actions[0]).toMatchObject({ impact: 4, effort: 1, status: 'doing', due: '' });
  });
});
