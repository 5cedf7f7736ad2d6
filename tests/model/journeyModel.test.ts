import { describe, expect, it } from 'vitest';
import { quadrantOf, rankActions, scoresForQuadrant } from '../../src/model/actions';
import { compareJourneys } from '../../src/model/compare';
import { stageHealth } from '../../src/model/health';
import { speaksAsCustomer } from '../../src/model/text';
import type { Action } from '../../src/model/types';
import { board, journey, lane, touchpoint } from '../helpers/records';

const action = (p: Partial<Action> & Pick<Action, 'id'>): Action => ({
  journeyId: null, title: p.id, owner: '', due: '', status: 'todo', impact: 2, effort: 2, links: [], order: '1', ...p,
});

describe('impact / effort matrix', () => {
  it('places actions in the four quadrants', () => {
    expect(quadrantOf({ impact: 4, effort: 1 })).toBe('quickWins');
    expect(quadrantOf({ impact: 3, effort: 3 })).toBe('strategic');
    expect(quadrantOf({ impact: 1, effort: 2 })).toBe('ifTime');
    expect(quadrantOf({ impact: 2, effort: 4 })).toBe('avoid');
  });

  it('moves an action into a quadrant changing as little as possible', () => {
    expect(scoresForQuadrant({ impact: 4, effort: 4 }, 'quickWins')).toEqual({ impact: 4, effort: 2 });
    expect(scoresForQuadrant({ impact: 1, effort: 1 }, 'strategic')).toEqual({ impact: 3, effort: 3 });
    for (const q of ['quickWins', 'strategic', 'ifTime', 'avoid'] as const) {
      expect(quadrantOf(scoresForQuadrant({ impact: 2, effort: 3 }, q))).toBe(q);
    }
  });

  it('ranks quick wins first, then by impact and effort, finished actions last', () => {
    const ranked = rankActions([
      action({ id: 'avoid', impact: 1, effort: 4 }),
      action({ id: 'strategic', impact: 4, effort: 4 }),
      action({ id: 'quick-done', impact: 4, effort: 1, status: 'done' }),
      action({ id: 'quick', impact: 3, effort: 1 }),
      action({ id: 'quicker', impact: 4, effort: 1 }),
    ]);
    expect(ranked.map((a) => a.id)).toEqual(['quicker', 'quick', 'strategic', 'avoid', 'quick-done']);
  });
});

describe('stage health', () => {
  it('counts evaluations per stage and flags a happy emotion over a red stage', () => {
    const stages = [lane({ id: 's1' }), lane({ id: 's2' })];
    const cards = [
      touchpoint({ id: 'a', stageId: 's1', evaluation: 'pain' }),
      touchpoint({ id: 'b', stageId: 's1', evaluation: 'pain' }),
      touchpoint({ id: 'c', stageId: 's1', evaluation: 'delight' }),
      touchpoint({ id: 'd', stageId: 's2', evaluation: null }),
    ];
    const h = stageHealth(stages, cards, [{ stageId: 's1', journeyId: 'j', score: 2, words: '' }]);
    expect(h[0]).toMatchObject({ delight: 1, pain: 2, total: 3, contradiction: true });
    expect(h[1]).toMatchObject({ none: 1, total: 1, contradiction: false });
    expect(stageHealth(stages, cards, [{ stageId: 's1', journeyId: 'j', score: -1, words: '' }])[0]!.contradiction).toBe(false);
  });
});

describe('compareJourneys', () => {
  const snapshot = board({
    journeys: [journey({ id: 'ex' }), journey({ id: 'tg', kind: 'target' })],
    stages: [lane({ id: 's', journeyId: 'ex', name: 'Achat' }), lane({ id: 's2', journeyId: 'tg', name: 'Achat', sourceId: 's' })],
    channels: [lane({ id: 'c', journeyId: 'ex', name: 'Site web' }), lane({ id: 'c2', journeyId: 'tg', name: 'site web' })],
    touchpoints: [
      touchpoint({ id: 'same', journeyId: 'ex', stageId: 's', channelId: 'c', text: 'Je paie' }),
      touchpoint({ id: 'fees', journeyId: 'ex', stageId: 's', channelId: 'c', text: 'Je découvre des frais', evaluation: 'pain' }),
      touchpoint({ id: 'gone', journeyId: 'ex', stageId: 's', channelId: 'c', text: 'J’appelle le support' }),
      touchpoint({ id: 'same2', journeyId: 'tg', stageId: 's2', channelId: 'c2', text: 'Je paie', sourceId: 'same' }),
      touchpoint({ id: 'fees2', journeyId: 'tg', stageId: 's2', channelId: 'c2', text: 'Je vois le prix total', evaluation: 'delight', sourceId: 'fees' }),
      touchpoint({ id: 'new', journeyId: 'tg', stageId: 's2', channelId: 'c2', text: 'Je discute avec un conseiller' }),
    ],
  });

  it('finds added, removed, re-evaluated and reworded touchpoints', () => {
    const c = compareJourneys(snapshot, 'ex', 'tg');
    expect(c.counts).toEqual({ added: 1, removed: 1, reevaluated: 1, reworded: 0 });
    expect(c.byTouchpoint.get('new')!.kind).toBe('added');
    expect(c.byTouchpoint.get('fees2')).toMatchObject({ kind: 'reevaluated', reworded: true, before: { id: 'fees' } });
    expect(c.byTouchpoint.has('same2')).toBe(false);
    expect(c.removedByCell.get('s2|c2')!.map((t) => t.id)).toEqual(['gone']);
  });

  it('reports a wording change alone as reworded', () => {
    const edited = { ...snapshot, touchpoints: snapshot.touchpoints.map((t) => (t.id === 'same2' ? { ...t, text: 'Je paie en un clic' } : t)) };
    expect(compareJourneys(edited, 'ex', 'tg').byTouchpoint.get('same2')!.kind).toBe('reworded');
  });
});

describe('speaksAsCustomer', () => {
  it('accepts « Je » / « J’ » and « I », flags the company voice', () => {
    for (const ok of ['Je paie', "J'appelle", 'J’attends', 'je compare', 'I pay', "I'm lost", '']) expect(speaksAsCustomer(ok), ok).toBe(true);
    for (const bad of ['Envoi de la newsletter', 'Le client paie', 'Jeudi : relance', 'Inscription']) expect(speaksAsCustomer(bad), bad).toBe(false);
  });
});
