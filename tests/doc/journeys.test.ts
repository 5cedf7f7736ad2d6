import { describe, expect, it, vi } from 'vitest';
import {
  addAction,
  addJourneyFromTemplate,
  addKpi,
  addLaneCard,
  addPainPoint,
  addTouchpoint,
  deleteJourney,
  duplicateJourney,
  setEmotionScore,
  setExtraRow,
  setFraming,
  setTouchpointEvaluation,
  setTouchpointText,
} from '../../src/doc/commands';
import { readBoard } from '../../src/doc/projection';
import { journeyTemplate, TEMPLATE_IDS } from '../../src/model/templates';
import { laneIds, newBoard } from '../helpers/boardDoc';

function boardWithCard() {
  const { doc, journeyId } = newBoard();
  const [s0, , s2] = laneIds(doc, 'stages', journeyId);
  const [c0] = laneIds(doc, 'channels', journeyId);
  const cardId = addTouchpoint(doc, { journeyId, stageId: s2!, channelId: c0! }, 'Je découvre des frais cachés', 'pain');
  return { doc, journeyId, s0: s0!, s2: s2!, c0: c0!, cardId };
}

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
    expect(readBoard(doc).touchpoints.find((t) => t.id === cardId)).toMatchObject({
      text: 'Je découvre des frais cachés',
      evaluation: 'pain',
    });
    expect(painId).toBeTruthy();
  });

  it('copies a journey without reading a map before it is in the document', () => {
    const { doc, journeyId } = boardWithCard();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const copyId = duplicateJourney(doc, journeyId, { name: 'Parcours cible', kind: 'target', personaId: '' })!;
      expect(warn.mock.calls.flat().join(' ')).not.toContain('Invalid access');
      expect(readBoard(doc).journeys.find((j) => j.id === copyId)).toMatchObject({ name: 'Parcours cible', kind: 'target' });
    } finally {
      warn.mockRestore();
    }
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
