import { describe, expect, it } from 'vitest';
import { diffBoards, fieldChanges } from '../../src/model/boardDiff';
import { board, journey, lane, touchpoint } from '../helpers/records';

const before = board({
  journeys: [journey({ id: 'j', name: 'Parcours existant' })],
  stages: [lane({ id: 's1', name: 'Découverte' }), lane({ id: 's2', name: 'Achat' })],
  channels: [lane({ id: 'c', name: 'Site web' })],
  touchpoints: [touchpoint({ id: 't', stageId: 's1', text: 'Je découvre des frais', evaluation: 'pain' })],
  emotions: [{ stageId: 's1', journeyId: 'j', score: -1, words: 'doute' }],
});

describe('diffBoards', () => {
  it('says which field of which record changed, old → new, references by name', () => {
    const after = {
      ...before,
      touchpoints: [{ ...before.touchpoints[0]!, stageId: 's2', text: 'Je vois le prix total', evaluation: 'delight' as const }],
      journeys: [{ ...before.journeys[0]!, framing: { ...before.journeys[0]!.framing, objective: 'Moins d’abandons' } }],
      emotions: [{ ...before.emotions[0]!, score: 1 }],
    };
    const diff = diffBoards(before, after);
    expect(diff.touchpoints.changed).toEqual([
      {
        id: 't',
        label: 'Je vois le prix total',
        fields: [
          { field: 'stageId', before: 'Découverte', after: 'Achat' },
          { field: 'text', before: 'Je découvre des frais', after: 'Je vois le prix total' },
          { field: 'evaluation', before: 'pain', after: 'delight' },
        ],
      },
    ]);
    expect(diff.journeys.changed[0]!.fields).toEqual([{ field: 'framing.objective', before: '', after: 'Moins d’abandons' }]);
    // An emotion is named after its stage.
    expect(diff.emotions.changed).toEqual([{ id: 's1', label: 'Découverte', fields: [{ field: 'score', before: -1, after: 1 }] }]);
    expect(diff.stages).toEqual({ added: [], removed: [], changed: [] });
  });

  it('reads missing and list values plainly', () => {
    expect(fieldChanges({ id: 'a', links: ['t'], sourceId: undefined }, { id: 'a', links: [], sourceId: 'x' }, (id) => `#${id}`)).toEqual([
      { field: 'links', before: ['#t'], after: [] },
      { field: 'sourceId', before: null, after: '#x' },
    ]);
  });
});
