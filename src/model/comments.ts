/** Comment threads and @mentions, as plain data: what the thread list and the mention picker show. */
import type { Comment, Thread, Voter } from './workshop';

/** Someone who can be mentioned: a person on the board or who wrote on it. */
export type Mentionable = Voter;

/** The mention being typed: the "@" at `start` and what follows it up to the caret. */
export interface MentionQuery {
  start: number;
  query: string;
}

/** Longest text after "@" still read as a name being typed (names are at most 40 characters). */
const MAX_QUERY = 40;

/** The mention being typed just before `caret`, if any: an "@" that starts a word, then no line break. */
export function mentionQuery(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0 || caret - at - 1 > MAX_QUERY) return null;
  // "@" inside a word (an e-mail address) is not a mention.
  if (at > 0 && /[\p{L}\p{N}._-]/u.test(before[at - 1] ?? '')) return null;
  const query = before.slice(at + 1);
  if (/[\n@]/.test(query) || /^\s/.test(query)) return null;
  return { start: at, query };
}

/** People whose name starts with the query, or has a word that does (case and accents ignored). */
export function mentionSuggestions(query: string, people: readonly Mentionable[], limit = 6): Mentionable[] {
  const q = fold(query.trim());
  // "@Full Name " typed or picked: the mention is complete.
  if (/\s$/.test(query) && people.some((p) => fold(p.name) === q)) return [];
  const seen = new Set<string>();
  const out: Mentionable[] = [];
  for (const p of [...people].sort((a, b) => a.name.localeCompare(b.name))) {
    const name = fold(p.name);
    if (!p.name || seen.has(p.name) || !(name.startsWith(q) || name.split(/\s+/).some((w) => w.startsWith(q)))) continue;
    seen.add(p.name);
    out.push(p);
  }
  return out.slice(0, limit);
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The text with the mention being typed replaced by "@Name ", and where the caret goes after it. */
export function insertMention(text: string, mention: MentionQuery, caret: number, name: string): { text: string; caret: number } {
  const inserted = `@${name} `;
  const after = text.slice(caret).replace(/^ /, '');
  return { text: `${text.slice(0, mention.start)}${inserted}${after}`, caret: mention.start + inserted.length };
}

/** The ids of the people whose name a comment mentions (everyone of that name). */
export function mentionedIds(names: readonly string[], people: readonly Mentionable[]): string[] {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  return [...new Set(people.filter((p) => wanted.has(p.name.toLowerCase())).map((p) => p.id))];
}

/** Whether a comment mentions `person`: by id, or by name for comments written before ids were kept. */
export function mentionsPerson(comment: Comment, person: Mentionable): boolean {
  if (comment.authorId === person.id) return false;
  if (comment.mentionIds.length > 0) return comment.mentionIds.includes(person.id);
  return comment.mentions.some((n) => n.toLowerCase() === person.name.toLowerCase());
}

/** One thread of the board, as the thread list shows it. */
export interface ThreadSummary {
  targetId: string;
  resolved: boolean;
  count: number;
  last: Comment;
}

/** Every thread that has comments, the most recently active first. */
export function threadSummaries(comments: readonly Comment[], threads: readonly Thread[]): ThreadSummary[] {
  const resolved = new Map(threads.map((t) => [t.targetId, t.resolved]));
  const byTarget = new Map<string, Comment[]>();
  for (const c of comments) {
    const list = byTarget.get(c.targetId);
    if (list) list.push(c);
    else byTarget.set(c.targetId, [c]);
  }
  return [...byTarget.entries()]
    .map(([targetId, list]) => ({
      targetId,
      resolved: resolved.get(targetId) ?? false,
      count: list.length,
      last: list.reduce((a, b) => (b.createdAt >= a.createdAt ? b : a)),
    }))
    .sort((a, b) => b.last.createdAt - a.last.createdAt || (a.targetId < b.targetId ? -1 : 1));
}
