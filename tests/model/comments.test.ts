import { describe, expect, it } from 'vitest';
import { insertMention, mentionQuery, mentionSuggestions, mentionedIds, mentionsPerson, threadSummaries } from '../../src/model/comments';
import type { Comment } from '../../src/model/workshop';

const people = [
  { id: 'p1', name: 'Paul Participant' },
  { id: 'z1', name: 'Zoé Commerciale' },
  { id: 'c1', name: 'Claire Animatrice' },
];

const comment = (id: string, targetId: string, createdAt: number, extra: Partial<Comment> = {}): Comment => ({
  id,
  targetId,
  authorId: 'c1',
  authorName: 'Claire Animatrice',
  authorColor: '#7c3aed',
  text: 'x',
  createdAt,
  mentions: [],
  mentionIds: [],
  order: 'a0',
  ...extra,
});

describe('typing a mention', () => {
  it('reads the name being typed after an @ that starts a word', () => {
    expect(mentionQuery('Merci @Pa', 9)).toEqual({ start: 6, query: 'Pa' });
    expect(mentionQuery('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQuery('Merci @Paul P', 13)).toEqual({ start: 6, query: 'Paul P' });
    expect(mentionQuery('mail@exemple', 12)).toBeNull();
    expect(mentionQuery('@ personne', 10)).toBeNull();
    expect(mentionQuery('@Paul\nbonjour', 13)).toBeNull();
    expect(mentionQuery('sans arobase', 5)).toBeNull();
  });

  it('offers the people whose name or a word of it starts with what is typed, accents ignored', () => {
    expect(mentionSuggestions('', people).map((p) => p.name)).toEqual(['Claire Animatrice', 'Paul Participant', 'Zoé Commerciale']);
    expect(mentionSuggestions('zoe', people).map((p) => p.id)).toEqual(['z1']);
    expect(mentionSuggestions('comm', people).map((p) => p.id)).toEqual(['z1']);
    expect(mentionSuggestions('x', people)).toEqual([]);
    expect(mentionSuggestions('Paul ', people).map((p) => p.id)).toEqual(['p1']);
    // A complete name followed by a space is a finished mention.
    expect(mentionSuggestions('Paul Participant ', people)).toEqual([]);
  });

  it('replaces what was typed with the full name and puts the caret after it', () => {
    const text = 'Merci @pa pour ça';
    expect(insertMention(text, { start: 6, query: 'pa' }, 9, 'Paul Participant')).toEqual({
      text: 'Merci @Paul Participant pour ça',
      caret: 24,
    });
  });
});

describe('who a comment reaches', () => {
  it('finds the people of each mentioned name, by id, or by name for older comments', () => {
    expect(mentionedIds(['paul participant'], [...people, { id: 'p2', name: 'Paul Participant' }])).toEqual(['p1', 'p2']);
    const paul = people[0]!;
    expect(mentionsPerson(comment('a', 't', 1, { mentionIds: ['p1'], mentions: ['Paul Participant'] }), paul)).toBe(true);
    expect(mentionsPerson(comment('a', 't', 1, { mentionIds: ['z1'], mentions: ['Paul Participant'] }), paul)).toBe(false);
    expect(mentionsPerson(comment('a', 't', 1, { mentions: ['paul participant'] }), paul)).toBe(true);
    // Mentioning oneself is no news.
    expect(mentionsPerson(comment('a', 't', 1, { authorId: 'p1', mentionIds: ['p1'] }), paul)).toBe(false);
  });
});

describe('the thread list', () => {
  it('has one entry per commented record, the most recently active first', () => {
    const list = threadSummaries(
      [comment('a', 't1', 1), comment('b', 't2', 2), comment('c', 't1', 3)],
      [{ targetId: 't2', resolved: true }],
    );
    expect(list.map((s) => [s.targetId, s.count, s.resolved, s.last.id])).toEqual([
      ['t1', 2, false, 'c'],
      ['t2', 1, true, 'b'],
    ]);
  });
});
