import { describe, expect, it } from 'vitest';
import { compareJourneys, countChanges } from '../../src/model/compare';
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
      touchpoint({
        id: 'fees2',
        journeyId: 'tg',
        stageId: 's2',
        channelId: 'c2',
        text: 'Je vois le prix total',
        evaluation: 'delight',
        sourceId: 'fees',
      }),
      touchpoint({ id: 'new', journeyId: 'tg', stageId: 's2', channelId: 'c2', text: 'Je discute avec un conseiller' }),
    ],
  });

  it('finds added, removed, re-evaluated and reworded touchpoints', () => {
    const c = compareJourneys(snapshot, 'ex', 'tg');
    expect(c.byTouchpoint.get('new')!.kinds).toEqual(['added']);
    expect(c.changes.find((ch) => ch.touchpoint.id === 'gone')!.kinds).toEqual(['removed']);
    expect(c.byTouchpoint.has('same2')).toBe(false);
    expect(c.removedByCell.get('s2|c2')!.map((t) => t.id)).toEqual(['gone']);
  });

  it('reports a card rewritten and re-evaluated as both, with what it said and was before, and counts it under both', () => {
    const c = compareJourneys(snapshot, 'ex', 'tg');
    const fees = c.byTouchpoint.get('fees2')!;
    expect(fees.kinds).toEqual(['reevaluated', 'reworded']);
    expect(fees.before).toMatchObject({ id: 'fees', text: 'Je découvre des frais', evaluation: 'pain' });
    expect(c.counts).toEqual({ added: 1, removed: 1, reevaluated: 1, reworded: 1 });
  });

  it('reports a wording change alone as reworded, and an evaluation change alone as re-evaluated', () => {
    const edited = {
      ...snapshot,
      touchpoints: snapshot.touchpoints.map((t) =>
        t.id === 'same2' ? { ...t, text: 'Je paie en un clic' } : t.id === 'fees2' ? { ...t, text: 'Je découvre des frais' } : t,
      ),
    };
    const c = compareJourneys(edited, 'ex', 'tg');
    expect(c.byTouchpoint.get('same2')!.kinds).toEqual(['reworded']);
    expect(c.byTouchpoint.get('fees2')!.kinds).toEqual(['reevaluated']);
    expect(c.counts).toEqual({ added: 1, removed: 1, reevaluated: 1, reworded: 1 });
  });

  it('counts each kind of change across cards', () => {
    expect(countChanges([{ kinds: ['reevaluated', 'reworded'] }, { kinds: ['reworded'] }, { kinds: ['added'] }])).toEqual({
      added: 1,
      removed: 0,
      reevaluated: 1,
      reworded: 2,
    });
  });
});
