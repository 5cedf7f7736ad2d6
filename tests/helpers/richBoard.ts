/**
 * A board with every record type filled in, written field by field as the readers expect it
 * (independently of the import code under test), plus a generator of large boards.
 */
import * as Y from 'yjs';
import { addLane, addTouchpoint, initBoard } from '../../src/doc/commands';
import { makeRecord, roots } from '../../src/doc/schema';
import { defaultBoard } from '../../src/model/defaults';
import type { Evaluation } from '../../src/model/types';
import { laneIds } from './boardDoc';

export interface RichBoard {
  doc: Y.Doc;
  journeyId: string;
  stageIds: string[];
  channelIds: string[];
}

const TEXTS = [
  'Je découvre la marque sur un moteur de recherche',
  'Je compare les offres ; les prix « TTC » sont cachés',
  'Je remplis le formulaire de devis (12 champs !) 😤',
  'Je reçois un email de bienvenue "personnalisé"',
  'Je parraine un ami 🎉 et je gagne un bon',
  'J’appelle le service client\net j’attends 20 minutes',
  'Je paie, puis je découvre des frais de livraison',
  'Je suis ma commande dans l’application',
];
const EVALUATIONS: (Evaluation | null)[] = ['delight', 'improvable', 'pain', null];

/** A board with a persona, framing, owners, KPIs, emotions, pain points, extra rows and actions. */
export function richBoard(touchpointCount = 24, title = 'Parcours client — abonnement'): RichBoard {
  const doc = new Y.Doc();
  const template = { ...defaultBoard('fr'), title };
  const { journeyId } = initBoard(doc, template, 1_767_225_600_000) as { journeyId: string };
  const stageIds = laneIds(doc, 'stages', journeyId);
  const channelIds = laneIds(doc, 'channels', journeyId);
  const r = roots(doc);
  doc.transact(() => {
    r.personas.set(
      'persona_marie',
      makeRecord({
        name: 'Marie',
        role: 'Responsable marketing PME, 42 ans',
        description: 'Pressée',
        goals: 'Gagner du temps',
        frustrations: 'Les formulaires',
        avatar: '👩‍💼',
        order: '1',
      }),
    );
    const journey = r.journeys.get(journeyId) as Y.Map<unknown>;
    journey.set('personaId', 'persona_marie');
    journey.set('kind', 'target');
    journey.set('framing.objective', 'Réduire l’abandon de panier de 72 % à 55 %');
    journey.set('framing.perimeter', 'Vente en ligne, France');
    journey.set('framing.horizon', 'T4 2026');
    journey.set('row.thinks', true);
    journey.set('row.opportunities', true);
    stageIds.forEach((stageId, i) => {
      (r.stages.get(stageId) as Y.Map<unknown>).set(
        'owner',
        ['Marketing', 'Avant-vente', 'Ventes', 'Service client', 'Communauté'][i] ?? '',
      );
      r.emotions.set(
        stageId,
        makeRecord({
          journeyId,
          score: [1, -1, -2, 0, 2][i] ?? 0,
          words: ['curiosité', 'doute', 'frustration', 'confiance', 'fierté'][i] ?? '',
        }),
      );
      r.kpis.set(
        `kpi_${i}`,
        makeRecord({
          journeyId,
          stageId,
          name: ['Trafic', 'Taux de devis', 'Conversion', 'CSAT', 'NPS'][i] ?? 'KPI',
          current: String(10 + i),
          target: String(20 + i),
          unit: i === 2 ? '%' : '',
          order: '1',
        }),
      );
      r.laneCards.set(
        `thinks_${i}`,
        makeRecord({ journeyId, stageId, row: 'thinks', text: `Est-ce que « ça » vaut le coup ? (${i + 1})`, order: '1' }),
      );
    });
    r.painPoints.set(
      'pain_form',
      makeRecord({
        journeyId,
        stageId: stageIds[1],
        text: 'Formulaire de devis de plus de 10 champs',
        severity: 3,
        touchpointIds: [],
        order: '1',
      }),
    );
    r.painPoints.set(
      'pain_fees',
      makeRecord({ journeyId, stageId: stageIds[2], text: 'Frais cachés au paiement', severity: 2, touchpointIds: [], order: '2' }),
    );
    r.laneCards.set(
      'opp_1',
      makeRecord({
        journeyId,
        stageId: stageIds[2],
        row: 'opportunities',
        text: 'Afficher le prix total dès la fiche produit',
        order: '1',
      }),
    );
    r.actions.set(
      'action_1',
      makeRecord({
        journeyId,
        title: 'Réduire le formulaire à 4 champs',
        owner: 'Équipe web',
        due: '2026-03-31',
        status: 'doing',
        impact: 4,
        effort: 1,
        links: ['pain_form'],
        order: '1',
      }),
    );
    r.actions.set(
      'action_2',
      makeRecord({
        journeyId,
        title: 'Refondre le tunnel de paiement',
        owner: 'DSI',
        due: '',
        status: 'todo',
        impact: 4,
        effort: 4,
        links: ['pain_fees'],
        order: '2',
      }),
    );
    r.actions.set(
      'action_3',
      makeRecord({ title: 'Former le service client', owner: 'RH', status: 'todo', impact: 2, effort: 2, links: [], order: '3' }),
    );
    // A saved view: its rectangle and filters stored flat, as a board file's view is written.
    r.views.set(
      'view_payment',
      makeRecord({
        name: 'Le paiement',
        journeyId,
        'rect.x': 400,
        'rect.y': 0,
        'rect.width': 900,
        'rect.height': 600,
        'filters.stageIds': [stageIds[2]],
        'filters.momentOfTruth': true,
        order: '1',
      }),
    );
  });
  addTouchpoints(doc, journeyId, stageIds, channelIds, touchpointCount);
  return { doc, journeyId, stageIds, channelIds };
}

/** Adds `count` touchpoints spread over the cells, with varied texts, colours and a few moments of truth. */
export function addTouchpoints(doc: Y.Doc, journeyId: string, stageIds: string[], channelIds: string[], count: number): void {
  doc.transact(() => {
    for (let i = 0; i < count; i++) {
      const stageId = stageIds[i % stageIds.length] as string;
      const channelId = channelIds[Math.floor(i / stageIds.length) % channelIds.length] as string;
      const id = addTouchpoint(
        doc,
        { journeyId, stageId, channelId },
        `${TEXTS[i % TEXTS.length]} #${i + 1}`,
        EVALUATIONS[i % EVALUATIONS.length] ?? null,
      );
      if (i % 11 === 3) (roots(doc).touchpoints.get(id) as Y.Map<unknown>).set('momentOfTruth', true);
      if (i === 2) (roots(doc).painPoints.get('pain_form') as Y.Map<unknown> | undefined)?.set('touchpointIds', [id]);
    }
  });
}

/** A big board: `stages` × `channels` lanes and `count` touchpoints, for the poster tests and benchmarks. */
export function bigBoard(count: number, stages = 8, channels = 10): RichBoard {
  const b = richBoard(0, `Carte complète — ${count} points de contact`);
  const extraStages = ['Onboarding', 'Customer Success', 'Renouvellement'];
  const extraChannels = ['Chat', 'WhatsApp', 'Salons', 'Courrier'];
  for (let i = b.stageIds.length; i < stages; i++) addLane(b.doc, 'stages', b.journeyId, extraStages[i - 5] ?? `Étape ${i + 1}`);
  for (let i = b.channelIds.length; i < channels; i++) addLane(b.doc, 'channels', b.journeyId, extraChannels[i - 6] ?? `Canal ${i + 1}`);
  const stageIds = laneIds(b.doc, 'stages', b.journeyId);
  const channelIds = laneIds(b.doc, 'channels', b.journeyId);
  addTouchpoints(b.doc, b.journeyId, stageIds, channelIds, count);
  return { ...b, stageIds, channelIds };
}
