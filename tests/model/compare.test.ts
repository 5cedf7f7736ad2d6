import { describe, expect, it } from 'vitest';
import { compareJourneys } from '../../src/model/compare';
import { board, journey, lane, touchpoint } from '../helpers/records';

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

