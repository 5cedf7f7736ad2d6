/** Finding text on a board: every card, pain point, action, comment and persona that says it. */
import type { Comment } from './workshop';
import type { BoardSnapshot } from './types';

/** Longest query looked for: a pasted page of text is cut, not searched character by character. */
export const SEARCH_QUERY_MAX = 200;

/** Most matches listed: past them the list says there are more. */
export const SEARCH_HITS_MAX = 100;

export type SearchHitKind = 'touchpoint' | 'painPoint' | 'laneCard' | 'action' | 'comment' | 'persona';

/** One place the query was found, with what the list shows and where the canvas goes. */
export interface SearchHit {
  kind: SearchHitKind;
  /** The record that says it. */
  id: string;
  /** The journey it belongs to, or null (a persona, a board-wide action). */
  journeyId: string | null;
  /** The stage it sits in, when it has one (pain points, lane cards). */
  stageId: string | null;
  /** For a comment: the card, pain point or action it is about, and which of them it is. */
  targetId: string | null;
  targetKind?: 'touchpoint' | 'painPoint' | 'action';
  /** The matching text around the match, with where the match is in it. */
  excerpt: { before: string; match: string; after: string };
}

export interface SearchResult {
  hits: SearchHit[];
  /** Every match, including those past SEARCH_HITS_MAX. */
  total: number;
}

/** A character folded for comparison: no accents, lower case, typographic apostrophe as a plain one. */
function foldChar(ch: string): string {
  return ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’‘]/g, "'");
}

/**
 * `text` folded, with for each folded code unit the index in `text` it came from, so a match
 * found in the folded text is shown in the original one.
 */
function foldWithMap(text: string): { folded: string; from: number[] } {
  let folded = '';
  const from: number[] = [];
  let index = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    folded += f;
    for (let i = 0; i < f.length; i++) from.push(index);
    index += ch.length;
  }
  return { folded, from };
}

/** The query as looked for: trimmed, cut to SEARCH_QUERY_MAX, folded. Empty means no search. */
export function searchTerm(query: string): string {
  const cut = Array.from(query.trim()).slice(0, SEARCH_QUERY_MAX).join('');
  return Array.from(cut, foldChar).join('');
}

const CONTEXT = 40;

/** Where `term` (folded) occurs in `text`, as an excerpt of the original text, or null. */
export function matchText(text: string, term: string): SearchHit['excerpt'] | null {
  if (!term || !text) return null;
  const { folded, from } = foldWithMap(text);
  const at = folded.indexOf(term);
  if (at < 0) return null;
  const start = from[at]!;
  const lastFolded = at + term.length - 1;
  const lastStart = from[lastFolded]!;
  // The end is past the whole original character the match ends in.
  const end = lastStart + (text.codePointAt(lastStart)! > 0xffff ? 2 : 1);
  const cutBefore = Math.max(0, start - CONTEXT);
  const before = (cutBefore > 0 ? '…' : '') + text.slice(cutBefore, start);
  const after = text.slice(end, end + CONTEXT) + (end + CONTEXT < text.length ? '…' : '');
  return { before, match: text.slice(start, end), after };
}

/** The first of `texts` that contains `term`, as an excerpt. */
function firstMatch(texts: readonly string[], term: string): SearchHit['excerpt'] | null {
  for (const text of texts) {
    const found = matchText(text, term);
    if (found) return found;
  }
  return null;
}

/** The journey a comment's target belongs to, so the list can say where it is and the canvas go there. */
function commentTarget(board: BoardSnapshot, targetId: string): Pick<SearchHit, 'journeyId' | 'stageId' | 'targetKind'> {
  const card = board.touchpoints.find((t) => t.id === targetId);
  if (card) return { journeyId: card.journeyId, stageId: card.stageId, targetKind: 'touchpoint' };
  const pain = board.painPoints.find((p) => p.id === targetId);
  if (pain) return { journeyId: pain.journeyId, stageId: pain.stageId, targetKind: 'painPoint' };
  const action = board.actions.find((a) => a.id === targetId);
  // A thread whose target was deleted still shows; it leads nowhere on the canvas.
  return action ? { journeyId: action.journeyId, stageId: null, targetKind: 'action' } : { journeyId: null, stageId: null };
}

/**
 * Every place on the board that says `query`, case and accents ignored and every character taken
 * as written (no pattern syntax): cards, pain points, extra-row cards, actions, comments, personas.
 */
export function searchBoard(board: BoardSnapshot, comments: readonly Comment[], query: string): SearchResult {
  const term = searchTerm(query);
  const hits: SearchHit[] = [];
  let total = 0;
  if (!term) return { hits, total };
  const add = (hit: Omit<SearchHit, 'excerpt'>, excerpt: SearchHit['excerpt'] | null) => {
    if (!excerpt) return;
    total++;
    if (hits.length < SEARCH_HITS_MAX) hits.push({ ...hit, excerpt });
  };
  for (const t of board.touchpoints)
    add({ kind: 'touchpoint', id: t.id, journeyId: t.journeyId, stageId: t.stageId, targetId: null }, matchText(t.text, term));
  for (const p of board.painPoints)
    add({ kind: 'painPoint', id: p.id, journeyId: p.journeyId, stageId: p.stageId, targetId: null }, matchText(p.text, term));
  for (const c of board.laneCards)
    add({ kind: 'laneCard', id: c.id, journeyId: c.journeyId, stageId: c.stageId, targetId: null }, matchText(c.text, term));
  for (const a of board.actions)
    add({ kind: 'action', id: a.id, journeyId: a.journeyId, stageId: null, targetId: null }, firstMatch([a.title, a.owner], term));
  for (const c of comments)
    add({ kind: 'comment', id: c.id, ...commentTarget(board, c.targetId), targetId: c.targetId }, matchText(c.text, term));
  for (const p of board.personas)
    add(
      { kind: 'persona', id: p.id, journeyId: null, stageId: null, targetId: null },
      firstMatch([p.name, p.role, p.description, p.goals, p.frustrations], term),
    );
  return { hits, total };
}
