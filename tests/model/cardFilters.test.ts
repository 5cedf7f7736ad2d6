import { describe, expect, it } from 'vitest';
import { activeFilterCount, matchingCards, NO_FILTERS, parseCardFilters, type CardFilters } from '../../src/model/cardFilters';
import type { PainPoint } from '../../src/model/types';
import { board, journey, lane, touchpoint } from '../helpers/records';

const snapshot = board({
  journeys: [journey({ id: 'j' }), journey({ id: 'k' })],
  stages: [lane({ id: 's1' }), lane({ id: 's2' }), lane({ id: 'sk', journeyId: 'k' })],
  channels: [lane({ id: 'c1' }), lane({ id: 'c2' })],
  touchpoints: [
    touchpoint({ id: 'a', stageId: 's1', channelId: 'c1', text: 'Je lis un avis', evaluation: 'delight' }),
    touchpoint({ id: 'b', stageId: 's2', channelId: 'c1', text: 'Paiement refusé', evaluation: 'pain', momentOfTruth: true }),
    touchpoint({ id: 'c', stageId: 's2', channelId: 'c2', text: 'Je reçois la facture' }),
    touchpoint({ id: 'other', journeyId: 'k', stageId: 'sk', text: 'Autre parcours' }),
  ],
  painPoints: [
    { id: 'p', journeyId: 'j', stageId: 's2', text: 'Refus', severity: 3, touchpointIds: ['b'], order: '1' } satisfies PainPoint,
  ],
});
const workshop = {
  comments: [
    {
      id: 'm1',
      targetId: 'a',
      authorId: 'u',
      authorName: 'U',
      authorColor: '#000',
      text: 'ok',
      createdAt: 0,
      mentions: [],
      mentionIds: [],
      order: '1',
    },
    {
      id: 'm2',
      targetId: 'c',
      authorId: 'u',
      authorName: 'U',
      authorColor: '#000',
      text: 'vu',
      createdAt: 0,
      mentions: [],
      mentionIds: [],
      order: '1',
    },
  ],
  threads: [{ targetId: 'a', resolved: true }],
  votes: [
    {
      id: 'v',
      title: 'V',
      target: 'touchpoints' as const,
      journeyId: 'j',
      dotsPerPerson: 3,
      hidden: false,
      status: 'closed' as const,
      cleared: false,
      createdAt: 0,
      order: '1',
    },
    {
      id: 'h',
      title: 'H',
      target: 'touchpoints' as const,
      journeyId: 'j',
      dotsPerPerson: 3,
      hidden: true,
      status: 'open' as const,
      cleared: false,
      createdAt: 0,
      order: '2',
    },
  ],
  dots: [
    { id: 'd1', voteId: 'v', voterId: 'u', targetId: 'c' },
    { id: 'd2', voteId: 'h', voterId: 'u', targetId: 'a' },
  ],
};
const match = (f: Partial<CardFilters>) => [...matchingCards(snapshot, workshop, 'j', { ...NO_FILTERS, ...f })].sort();

describe('filtering the cards of a journey', () => {
  it('keeps every card of the journey when nothing is set', () => {
    expect(match({})).toEqual(['a', 'b', 'c']);
  });

  it('filters by evaluation, unrated cards included as their own choice', () => {
    expect(match({ evaluations: ['pain', 'delight'] })).toEqual(['a', 'b']);
    expect(match({ evaluations: ['none'] })).toEqual(['c']);
  });

  it('filters by stage and channel, every criterion applying together', () => {
    expect(match({ stageIds: ['s2'] })).toEqual(['b', 'c']);
    expect(match({ stageIds: ['s2'], channelIds: ['c1'] })).toEqual(['b']);
    // A stage chosen in another journey sets no condition on this one.
    expect(match({ stageIds: ['sk'] })).toEqual(['a', 'b', 'c']);
  });

  it('filters moments of truth, unresolved threads, visible votes, the customer’s voice and severity', () => {
    expect(match({ momentOfTruth: true })).toEqual(['b']);
    expect(match({ unresolvedComments: true })).toEqual(['c']);
    // The dots of a hidden vote are not revealed by a filter.
    expect(match({ hasVotes: true })).toEqual(['c']);
    expect(match({ offVoice: true })).toEqual(['b']);
    expect(match({ severities: [3] })).toEqual(['b']);
    expect(match({ severities: [1, 2] })).toEqual([]);
  });

  it('counts the criteria set', () => {
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...NO_FILTERS, evaluations: ['pain', 'none'], hasVotes: true })).toBe(2);
  });

  it('reads stored filters back, dropping whatever is malformed', () => {
    expect(parseCardFilters(null)).toEqual(NO_FILTERS);
    expect(parseCardFilters('nonsense')).toEqual(NO_FILTERS);
    expect(
      parseCardFilters({
        evaluations: ['pain', 'purple', 3, 'pain'],
        severities: [3, 9, '2'],
        stageIds: ['s1', 4],
        offVoice: 'yes',
        hasVotes: true,
      }),
    ).toEqual({
      ...NO_FILTERS,
      evaluations: ['pain'],
      severities: [3],
      stageIds: ['s1'],
      hasVotes: true,
    });
  });
});
