import { describe, expect, it } from 'vitest';
import {
  addAction,
  addJourneyFromTemplate,
  addKpi,
  addLaneCard,
  addPainPoint,
  addPersona,
  addTouchpoint,
  deleteJourney,
  deleteLane,
  deletePainPoint,
  deletePersona,
  duplicateJourney,
  painPointFromTouchpoint,
  setEmotionScore,
  setEmotionWords,
  setExtraRow,
  setFraming,
  setLaneOwner,
  setMomentOfTruth,
  setTouchpointEvaluation,
  setTouchpointText,
  togglePainPointTouchpoint,
  updateAction,
  updateJourney,
  updateKpi,
  updatePersona,
} from '../../src/doc/commands';
import { readBoard } from '../../src/doc/projection';
import { journeyTemplate, TEMPLATE_IDS } from '../../src/model/templates';
import { laneIds, newBoard, peersOf, syncAll } from '../helpers/boardDoc';

function boardWithCard() {
  const { doc, journeyId } = newBoard();
  const [s0, , s2] = laneIds(doc, 'stages', journeyId);
  const [c0] = laneIds(doc, 'channels', journeyId);
  const cardId = addTouchpoint(doc, { journeyId, stageId: s2!, channelId: c0! }, 'Je découvre des frais cachés', 'pain');
  return { doc, journeyId, s0: s0!, s2: s2!, c0: c0!, cardId };
}

describe('personas', () => {
  it('adds, edits and deletes a persona, unlinking the journeys that named it', () => {
    const { doc, journeyId } = newBoard();
    const id = addPersona(doc, { name: 'Marie', role: 'Responsable marketing PME', avatar: '👩‍💼' });
    updatePersona(doc, id, { goals: 'Gagner du temps', frustrations: 'Les formulaires longs' });
    updateJourney(doc, journeyId, { personaId: id });
    expect(readBoard(doc).personas[0]).toMatchObject({ name: 'Marie', goals: 'Gagner du temps', avatar: '👩‍💼' });
    expect(readBoard(doc).journeys[0]!.personaId).toBe(id);
    deletePersona(doc, id);
    expect(readBoard(doc).personas).toEqual([]);
    expect(readBoard(doc).journeys[0]!.personaId).toBeNull();
  });
});

describe('journeys', () => {
  it('keeps the framing card and the extra rows per journey', () => {
    const { doc, journeyId } = newBoard();
    setFraming(doc, journeyId, 'objective', 'Réduire l’abandon de panier de 72 % à 55 %');
    setExtraRow(doc, journeyId, 'thinks', true);
    setExtraRow(doc, journeyId, 'needs', true);
    setExtraRow(doc, journeyId, 'thinks', false);
    const j = readBoard(doc).journeys[0]!;
    expect(j.framing.objective).toBe('Réduire l’abandon de panier de 72 % à 55 %');
    expect(j.extraRows).toEqual(['needs']);
  });

  it('copies a journey into a target journey with every record and coherent references', () => {
    const { doc, journeyId, s2, c0, cardId } = boardWithCard();
    setEmotionScore(doc, journeyId, s2, -2);
    const painId = addPainPoint(doc, journeyId, s2, { text: 'Frais cachés', touchpointIds: [cardId] });
    addKpi(doc, journeyId, s2, { name: 'Taux de conversion', current: '2,1', target: '3', unit: '%' });
    addLaneCard(doc, journeyId, s2, 'thinks', 'Pourquoi si cher ?');
    setFraming(doc, journeyId, 'segment', 'PME');
    const targetId = duplicateJourney(doc, journeyId, { name: 'Parcours cible', kind: 'target' })!;
    const b = readBoard(doc);
    const target = b.journeys.find((j) => j.id === targetId)!;
    expect(target).toMatchObject({ name: 'Parcours cible', kind: 'target', framing: { segment: 'PME' } });
    const tStages = b.stages.filter((s) => s.journeyId === targetId);
    const tChannels = b.channels.filter((c) => c.journeyId === targetId);
    expect(tStages.map((s) => s.name)).toEqual(b.stages.filter((s) => s.journeyId === journeyId).map((s) => s.name));
    const tCard = b.touchpoints.find((t) => t.journeyId === targetId)!;
    expect(tCard).toMatchObject({ text: 'Je découvre des frais cachés', evaluation: 'pain', sourceId: cardId });
    expect(tStages.map((s) => s.id)).toContain(tCard.stageId);
    expect(tChannels.map((c) => c.id)).toContain(tCard.channelId);
    expect(tCard.stageId).not.toBe(s2);
    expect(tCard.channelId).not.toBe(c0);
    const tPain = b.painPoints.find((p) => p.journeyId === targetId)!;
    expect(tPain.touchpointIds).toEqual([tCard.id]);
    expect(tPain.stageId).toBe(tCard.stageId);
    expect(b.emotions.find((e) => e.journeyId === targetId)).toMatchObject({ stageId: tCard.stageId, score: -2 });
    expect(b.kpis.filter((k) => k.journeyId === targetId)).toHaveLength(1);
    expect(b.laneCards.filter((k) => k.journeyId === targetId)).toHaveLength(1);
    // The copy is independent: editing it leaves the original alone.
    setTouchpointText(doc, tCard.id, 'Je vois le prix total dès le panier');
    setTouchpointEvaluation(doc, tCard.id, 'delight');
    expect(readBoard(doc).touchpoints.find((t) => t.id === cardId)).toMatchObject({ text: 'Je découvre des frais cachés', evaluation: 'pain' });
    expect(painId).toBeTruthy();
  });

  it('deletes a journey with everything in it, keeping board actions', () => {
    const { doc, journeyId, s2, cardId } = boardWithCard();
    addPainPoint(doc, journeyId, s2, { text: 'x', touchpointIds: [cardId] });
    const actionId = addAction(doc, { title: 'Afficher les frais dès le panier', journeyId });
    deleteJourney(doc, journeyId);
    const b = readBoard(doc);
    expect([b.journeys, b.stages, b.channels, b.touchpoints, b.painPoints]).toEqual([[], [], [], [], []]);
    expect(b.actions).toMatchObject([{ id: actionId, journeyId: null }]);
  });

  it('fills a new journey from each template, with example cards marked as such', () => {
    for (const id of TEMPLATE_IDS) {
      const { doc } = newBoard();
      const template = journeyTemplate(id, 'fr');
      const journeyId = addJourneyFromTemplate(doc, { name: id, kind: 'existing' }, template);
      const b = readBoard(doc);
      expect(b.stages.filter((s) => s.journeyId === journeyId).map((s) => s.name)).toEqual(template.stages);
      const cards = b.touchpoints.filter((t) => t.journeyId === journeyId);
      expect(cards).toHaveLength(template.examples.length);
      for (const c of cards) expect(c.example).toBe(true);
      // Once rewritten, a card is no longer an example.
      if (cards[0]) {
        setTouchpointText(doc, cards[0].id, 'Je personnalise');
        expect(readBoard(doc).touchpoints.find((t) => t.id === cards[0]!.id)!.example).toBeUndefined();
      }
    }
  });
});

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
    const [a, b] = docs as [typeof docs[0], typeof docs[0]];
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
    expect(readBoard(doc).painPoints).toMatchObject([{ id, stageId: s2, text: 'Je découvre des frais cachés', severity: 3, touchpointIds: [cardId] }]);
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

describe('deleting a touchpoint', () => {
  it('removes it from the pain points and actions that mentioned it', async () => {
    const { deleteTouchpoint } = await import('../../src/doc/commands');
    const { doc, cardId } = boardWithCard();
    const pain = painPointFromTouchpoint(doc, cardId)!;
    addAction(doc, { title: 'x', links: [cardId, pain] });
    deleteTouchpoint(doc, cardId);
    const b = readBoard(doc);
    expect(b.painPoints[0]!.touchpointIds).toEqual([]);
    expect(b.actions[0]!.links).toEqual([pain]);
  });
});
