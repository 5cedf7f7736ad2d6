import { describe, expect, it } from 'vitest';
import { matchText, searchBoard, searchTerm, SEARCH_HITS_MAX, SEARCH_QUERY_MAX } from '../../src/model/search';
import type { Action, PainPoint, Persona } from '../../src/model/types';
import type { Comment } from '../../src/model/workshop';
import { board, journey, touchpoint } from '../helpers/records';

const pain = (p: Partial<PainPoint> & Pick<PainPoint, 'id' | 'text'>): PainPoint => ({
  journeyId: 'j2',
  stageId: 's9',
  severity: 2,
  touchpointIds: [],
  order: '1',
  ...p,
});
const persona: Persona = {
  id: 'p1',
  name: 'Marie',
  role: 'Responsable marketing',
  description: '',
  goals: 'Gagner du temps',
  frustrations: 'Les formulaires à rallonge',
  avatar: '',
  order: '1',
};
const action: Action = {
  id: 'a1',
  journeyId: null,
  title: 'Raccourcir le formulaire',
  owner: 'Léa',
  due: '',
  status: 'todo',
  impact: 3,
  effort: 1,
  placed: true,
  links: [],
  order: '1',
};
const comment = (p: Partial<Comment> & Pick<Comment, 'id' | 'targetId' | 'text'>): Comment => ({
  authorId: 'u',
  authorName: 'U',
  authorColor: '#000',
  createdAt: 0,
  mentions: [],
  mentionIds: [],
  order: '1',
  ...p,
});

const snapshot = board({
  journeys: [journey({ id: 'j' }), journey({ id: 'j2' })],
  touchpoints: [touchpoint({ id: 't1', text: 'Je reçois le devis (PDF) par e-mail' }), touchpoint({ id: 't2', text: 'Je paie en ligne' })],
  painPoints: [pain({ id: 'pp1', text: 'Le formulaire de DEVIS a plus de 10 champs' })],
  personas: [persona],
  actions: [action],
});

describe('searching a board', () => {
  it('finds a word whatever its accents and case', () => {
    const { hits } = searchBoard(snapshot, [], 'RECOIS');
    expect(hits.map((h) => h.id)).toEqual(['t1']);
    expect(hits[0]!.excerpt).toEqual({ before: 'Je ', match: 'reçois', after: ' le devis (PDF) par e-mail' });
  });

  it('looks through cards, pain points, actions, comments and personas, saying where each is', () => {
    const comments = [comment({ id: 'c1', targetId: 'pp1', text: 'Le formulaire fait fuir' })];
    const { hits, total } = searchBoard(snapshot, comments, 'formulaire');
    expect(total).toBe(4);
    expect(hits.map((h) => [h.kind, h.id])).toEqual([
      ['painPoint', 'pp1'],
      ['action', 'a1'],
      ['comment', 'c1'],
      ['persona', 'p1'],
    ]);
    // A comment leads to the journey and stage of what it is about.
    expect(hits[2]).toMatchObject({ targetId: 'pp1', targetKind: 'painPoint', journeyId: 'j2', stageId: 's9' });
    expect(searchBoard(snapshot, [], 'lea').hits.map((h) => h.id)).toEqual(['a1']);
  });

  it('takes regular-expression characters as written', () => {
    expect(searchBoard(snapshot, [], '(PDF)').hits.map((h) => h.id)).toEqual(['t1']);
    expect(searchBoard(snapshot, [], '.*').total).toBe(0);
    expect(searchBoard(snapshot, [], '[a-z]+').total).toBe(0);
    expect(() => searchBoard(snapshot, [], '(((')).not.toThrow();
  });

  it('cuts a 10 000-character query instead of searching it all', () => {
    const long = 'devis'.repeat(2000);
    expect(Array.from(searchTerm(long))).toHaveLength(SEARCH_QUERY_MAX);
    expect(searchBoard(snapshot, [], long).total).toBe(0);
    expect(searchBoard(snapshot, [], `  ${'a'.repeat(SEARCH_QUERY_MAX + 50)}`).total).toBe(0);
  });

  it('finds nothing for an empty or blank query', () => {
    expect(searchBoard(snapshot, [], '   ')).toEqual({ hits: [], total: 0 });
  });

  it('lists at most a hundred matches but counts them all', () => {
    const many = board({ touchpoints: Array.from({ length: 150 }, (_, i) => touchpoint({ id: `t${i}`, text: `Je clique ${i}` })) });
    const result = searchBoard(many, [], 'clique');
    expect(result.hits).toHaveLength(SEARCH_HITS_MAX);
    expect(result.total).toBe(150);
  });

  it('shows the match in the original text, emoji and accents kept, with the context cut', () => {
    expect(matchText('Très 😀 déçu du délai', 'decu')).toEqual({ before: 'Très 😀 ', match: 'déçu', after: ' du délai' });
    const found = matchText(`${'x'.repeat(100)} cible ${'y'.repeat(100)}`, 'cible')!;
    expect(found.before.startsWith('…')).toBe(true);
    expect(found.after.endsWith('…')).toBe(true);
    expect(matchText('Je m’inscris', "m'inscris")?.match).toBe('m’inscris');
  });
});
