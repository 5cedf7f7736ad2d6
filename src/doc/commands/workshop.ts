/** Commands of a workshop session: comments, dot votes, the timer and the structure lock. */
import * as Y from 'yjs';
import { MAX_DOTS_PER_PERSON, findMentions, type StructureLock, type TimerState, type VoteTarget } from '../../model/workshop';
import { mentionedIds, type Mentionable } from '../../model/comments';
import { readDot, readVote, workshopRoots } from '../workshop';
import { limitText } from '../../model/limits';
import { WORKSHOP_ORIGIN } from '../origins';
import { makeRecord } from '../schema';
import { edit } from './edit';
import { insertRecord, patchRecord } from './records';

export interface Author {
  id: string;
  name: string;
  color: string;
}

/**
 * Adds a comment to the thread of a touchpoint, pain point or action, and reopens that thread.
 * "@Name" mentions of `people` (those on the board or who wrote on it) keep their ids, so the
 * mention reaches them.
 */
export function addComment(
  doc: Y.Doc,
  targetId: string,
  author: Author,
  text: string,
  people: readonly Mentionable[] = [],
  now = Date.now(),
): string | null {
  const clean = limitText('comment', text.trim());
  if (!clean) return null;
  const mentions = findMentions(
    clean,
    people.map((p) => p.name),
  );
  return edit(doc, () => {
    const r = workshopRoots(doc);
    const id = insertRecord(
      r.comments,
      {
        targetId,
        authorId: author.id,
        authorName: limitText('personName', author.name),
        authorColor: author.color,
        text: clean,
        createdAt: now,
        mentions,
        mentionIds: mentionedIds(mentions, people),
      },
      (c) => c.get('targetId') === targetId,
    );
    const thread = r.commentThreads.get(targetId);
    if (thread) patchRecord(thread, { resolved: false });
    else r.commentThreads.set(targetId, makeRecord({ resolved: false }));
    return id;
  });
}

export function deleteComment(doc: Y.Doc, id: string): void {
  const r = workshopRoots(doc);
  if (!r.comments.has(id)) return;
  edit(doc, () => r.comments.delete(id));
}

/** Resolves or reopens the thread on a target. */
export function setThreadResolved(doc: Y.Doc, targetId: string, resolved: boolean): void {
  const r = workshopRoots(doc);
  edit(doc, () => {
    const thread = r.commentThreads.get(targetId);
    if (thread) patchRecord(thread, { resolved });
    else r.commentThreads.set(targetId, makeRecord({ resolved }));
  });
}

export interface VoteSettings {
  title: string;
  target: VoteTarget;
  journeyId: string;
  dotsPerPerson: number;
  hidden: boolean;
}

/** Opens a dot vote. Returns its id. */
export function openVote(doc: Y.Doc, settings: VoteSettings, now = Date.now()): string {
  const dots = Math.max(1, Math.min(MAX_DOTS_PER_PERSON, Math.round(settings.dotsPerPerson)));
  return edit(doc, () =>
    insertRecord(workshopRoots(doc).votes, {
      ...settings,
      title: limitText('voteTitle', settings.title.trim()),
      dotsPerPerson: dots,
      status: 'open',
      createdAt: now,
    }),
  );
}

/** Shows everyone's dots (for a vote opened hidden). */
export function revealVote(doc: Y.Doc, voteId: string): void {
  const v = workshopRoots(doc).votes.get(voteId);
  if (v) edit(doc, () => patchRecord(v, { hidden: false }));
}

/** Closes a vote: no more dots; its results stay on the board, revealed. */
export function closeVote(doc: Y.Doc, voteId: string): void {
  const v = workshopRoots(doc).votes.get(voteId);
  if (v) edit(doc, () => patchRecord(v, { status: 'closed', hidden: false }));
}

/** Takes a closed vote's results off the cards; the vote and its dots stay, listed in the panel. */
export function clearVoteResults(doc: Y.Doc, voteId: string): void {
  const v = workshopRoots(doc).votes.get(voteId);
  if (v) edit(doc, () => patchRecord(v, { cleared: true }));
}

/** Deletes a vote and its dots. */
export function deleteVote(doc: Y.Doc, voteId: string): void {
  const r = workshopRoots(doc);
  if (!r.votes.has(voteId)) return;
  edit(doc, () => {
    const doomed: string[] = [];
    r.dots.forEach((d, id) => {
      if (d.get('voteId') === voteId) doomed.push(id);
    });
    for (const id of doomed) r.dots.delete(id);
    r.votes.delete(voteId);
  });
}

/** The dots a voter has placed in a vote. */
export function dotsOf(doc: Y.Doc, voteId: string, voterId: string): string[] {
  const out: string[] = [];
  workshopRoots(doc).dots.forEach((d, id) => {
    const dot = readDot(id, d);
    if (dot.voteId === voteId && dot.voterId === voterId) out.push(id);
  });
  return out;
}

/** Places one dot on an item, if the vote is open and the voter has dots left. Returns its id or null. */
export function placeDot(doc: Y.Doc, voteId: string, voterId: string, targetId: string): string | null {
  const v = workshopRoots(doc).votes.get(voteId);
  if (!v) return null;
  const vote = readVote(voteId, v);
  if (vote.status !== 'open' || dotsOf(doc, voteId, voterId).length >= vote.dotsPerPerson) return null;
  return edit(doc, () => {
    return insertRecord(workshopRoots(doc).dots, { voteId, voterId, targetId });
  });
}

/** Takes back one of the voter's dots from an item (while the vote is open). */
export function removeDot(doc: Y.Doc, voteId: string, voterId: string, targetId: string): void {
  const r = workshopRoots(doc);
  const v = r.votes.get(voteId);
  if (!v || readVote(voteId, v).status !== 'open') return;
  const mine = dotsOf(doc, voteId, voterId).find((id) => r.dots.get(id)?.get('targetId') === targetId);
  if (mine) edit(doc, () => r.dots.delete(mine));
}

/** Writes the shared timer (facilitator control, not undoable). */
export function setTimer(doc: Y.Doc, timer: TimerState): void {
  doc.transact(() => {
    const w = workshopRoots(doc).workshop;
    let t = w.get('timer');
    if (!(t instanceof Y.Map)) {
      t = new Y.Map<unknown>();
      w.set('timer', t);
    }
    patchRecord(t as Y.Map<unknown>, { ...timer });
  }, WORKSHOP_ORIGIN);
}

/** Locks the structure for everyone but `lock.by`, or unlocks it with null. */
export function setStructureLock(doc: Y.Doc, lock: StructureLock | null): void {
  doc.transact(() => {
    const w = workshopRoots(doc).workshop;
    if (lock) w.set('lock', makeRecord({ by: lock.by, name: limitText('personName', lock.name) }));
    else w.delete('lock');
  }, WORKSHOP_ORIGIN);
}
