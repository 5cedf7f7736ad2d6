import { describe, expect, it } from 'vitest';
import { clampStage, presentationLead, readStep } from '../../src/model/presentation';

const state = (role: string, presentation: unknown, name = role) => ({ user: { name, color: '#000000', role }, presentation });

describe('following a presentation', () => {
  it('follows the newest presentation of another facilitator', () => {
    const states = new Map<number, unknown>([
      [1, state('facilitator', { journeyId: 'j', stage: 3, at: 10 }, 'Moi')],
      [2, state('facilitator', { journeyId: 'j', stage: 1, at: 5 }, 'Alice')],
      [3, state('facilitator', { journeyId: 'k', stage: 2, at: 8 }, 'Bruno')],
    ]);
    // Our own presentation is never one we follow.
    expect(presentationLead(states, 1)).toEqual({ clientId: 3, name: 'Bruno', step: { journeyId: 'k', stage: 2, at: 8 } });
  });

  it('never follows a participant or a viewer, whatever they publish', () => {
    const states = new Map<number, unknown>([
      [2, state('participant', { journeyId: 'j', stage: 1, at: 50 })],
      [3, state('viewer', { journeyId: 'j', stage: 1, at: 60 })],
      [4, state('admin', { journeyId: 'j', stage: 1, at: 70 })],
    ]);
    expect(presentationLead(states, 1)).toBeNull();
  });

  it('ignores malformed steps', () => {
    expect(readStep({ journeyId: 'j', stage: -1, at: 1 })).toBeNull();
    expect(readStep({ journeyId: 'j', stage: 1.5, at: 1 })).toBeNull();
    expect(readStep({ journeyId: 'x'.repeat(65), stage: 1, at: 1 })).toBeNull();
    expect(readStep({ journeyId: 'j', stage: 1, at: Infinity })).toBeNull();
    expect(readStep('j')).toBeNull();
    expect(
      presentationLead(
        new Map<number, unknown>([
          [2, null],
          [3, 'x'],
          [4, { user: null }],
        ]),
        1,
      ),
    ).toBeNull();
  });

  it('keeps the stage within the journey', () => {
    expect(clampStage(7, 5)).toBe(4);
    expect(clampStage(-2, 5)).toBe(0);
  });
});
