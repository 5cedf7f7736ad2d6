import { describe, expect, it } from 'vitest';
import {
  TIMER_END_SIGNAL_MS,
  rankTally,
  shownVote,
  startTimer,
  pauseTimer,
  timerPhase,
  voteProgress,
  type Dot,
  type Vote,
} from '../../src/model/workshop';

const vote = (id: string, order: string, extra: Partial<Vote> = {}): Vote => ({
  id,
  title: id,
  target: 'touchpoints',
  journeyId: 'j1',
  dotsPerPerson: 3,
  hidden: false,
  status: 'closed',
  cleared: false,
  createdAt: 0,
  order,
  ...extra,
});
const dot = (voterId: string, targetId: string, voteId = 'v1'): Dot => ({
  id: `${voterId}-${targetId}-${Math.random()}`,
  voteId,
  voterId,
  targetId,
});

describe('the timer’s end', () => {
  it('is signalled for a while after the time is up, then the timer has ended on every machine', () => {
    const t = startTimer(60_000, 1_000_000);
    expect(timerPhase(t, 1_000_000 + 59_999)).toBe('running');
    expect(timerPhase(t, 1_060_000)).toBe('ended');
    expect(timerPhase(t, 1_060_000 + TIMER_END_SIGNAL_MS - 1)).toBe('ended');
    expect(timerPhase(t, 1_060_000 + TIMER_END_SIGNAL_MS)).toBe('idle');
    expect(timerPhase(pauseTimer(t, 1_030_000), 9_000_000)).toBe('paused');
  });
});

describe('vote results', () => {
  it('rank items, ties sharing a rank', () => {
    expect(
      rankTally([
        { targetId: 'c', count: 1 },
        { targetId: 'a', count: 3 },
        { targetId: 'b', count: 3 },
      ]),
    ).toEqual([
      { targetId: 'a', count: 3, rank: 1 },
      { targetId: 'b', count: 3, rank: 1 },
      { targetId: 'c', count: 1, rank: 3 },
    ]);
  });

  it('show on the cards the latest vote of the journey until it is cleared', () => {
    const first = vote('v1', 'a0');
    const second = vote('v2', 'a1', { status: 'open' });
    expect(shownVote([second, first], 'j1')?.id).toBe('v2');
    expect(shownVote([first], 'j1')?.id).toBe('v1');
    expect(shownVote([first, { ...second, cleared: true }], 'j1')).toBeNull();
    expect(shownVote([first], 'j2')).toBeNull();
  });

  it('count who has voted among the people present, and whoever voted and left', () => {
    const present = [
      { id: 'paul', name: 'Paul' },
      { id: 'zoe', name: 'Zoé' },
      { id: 'paul', name: 'Paul' },
      { id: 'marc', name: 'Marc' },
    ];
    const dots = [dot('paul', 'x'), dot('paul', 'y'), dot('ines', 'x'), dot('zoe', 'x', 'other')];
    expect(voteProgress(dots, 'v1', present)).toEqual({
      voted: 2,
      total: 4,
      waiting: [
        { id: 'marc', name: 'Marc' },
        { id: 'zoe', name: 'Zoé' },
      ],
    });
  });
});
