import { describe, expect, it } from 'vitest';
import { stageHealth } from '../../src/model/health';
import { lane, touchpoint } from '../helpers/records';

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
