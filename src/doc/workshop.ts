/**
 * The workshop part of a board document: comments, dot votes, the timer and the structure
 * lock. Kept apart from the journey records (BoardSnapshot) because it is about running a
 * session, not about the map. See docs/data-model.md.
 */
import * as Y from 'yjs';
import { byOrder, isOrderKey } from '../model/order';
import {
  IDLE_TIMER,
  MAX_DOTS_PER_PERSON,
  type Comment,
  type Dot,
  type StructureLock,
  type Thread,
  type TimerState,
  type Vote,
  type WorkshopSnapshot,
} from '../model/workshop';
import { ids, num, str, type RecordMap } from './schema';

/** Id-keyed record maps of the workshop. `commentThreads` is keyed by the commented record's id. */
export const WORKSHOP_RECORD_ROOTS = ['comments', 'commentThreads', 'votes', 'dots'] as const;
export type WorkshopRecordRoot = (typeof WORKSHOP_RECORD_ROOTS)[number];

/** Singleton map holding `timer` and `lock` (facilitator controls, never undone). */
export const WORKSHOP_ROOT = 'workshop';

export function workshopRoots(doc: Y.Doc): Record<WorkshopRecordRoot, Y.Map<RecordMap>> & { workshop: Y.Map<unknown> } {
  return {
    comments: doc.getMap<RecordMap>('comments'),
    commentThreads: doc.getMap<RecordMap>('commentThreads'),
    votes: doc.getMap<RecordMap>('votes'),
    dots: doc.getMap<RecordMap>('dots'),
    workshop: doc.getMap(WORKSHOP_ROOT),
  };
}

const orderOf = (r: RecordMap) => (isOrderKey(r.get('order')) ? (r.get('order') as string) : '1');

function records<T extends { id: string }>(map: Y.Map<RecordMap>, read: (id: string, r: RecordMap) => T): T[] {
  const out: T[] = [];
  map.forEach((r, id) => {
    if (r instanceof Y.Map) out.push(read(id, r));
  });
  return out;
}

export function readComment(id: string, r: RecordMap): Comment {
  return {
    id,
    targetId: str(r, 'targetId'),
    authorId: str(r, 'authorId'),
    authorName: str(r, 'authorName'),
    authorColor: /^#[0-9a-f]{6}$/i.test(str(r, 'authorColor')) ? str(r, 'authorColor') : '#64748b',
    text: str(r, 'text'),
    createdAt: num(r, 'createdAt', 0),
    mentions: ids(r, 'mentions'),
    mentionIds: ids(r, 'mentionIds'),
    order: orderOf(r),
  };
}

export function readVote(id: string, r: RecordMap): Vote {
  return {
    id,
    title: str(r, 'title'),
    target: r.get('target') === 'painPoints' ? 'painPoints' : 'touchpoints',
    journeyId: str(r, 'journeyId'),
    dotsPerPerson: Math.round(num(r, 'dotsPerPerson', 3, 1, MAX_DOTS_PER_PERSON)),
    hidden: r.get('hidden') === true,
    status: r.get('status') === 'closed' ? 'closed' : 'open',
    cleared: r.get('cleared') === true,
    createdAt: num(r, 'createdAt', 0),
    order: orderOf(r),
  };
}

export function readDot(id: string, r: RecordMap): Dot {
  return { id, voteId: str(r, 'voteId'), voterId: str(r, 'voterId'), targetId: str(r, 'targetId') };
}

export function readTimer(doc: Y.Doc): TimerState {
  const t = workshopRoots(doc).workshop.get('timer');
  if (!(t instanceof Y.Map)) return IDLE_TIMER;
  const status = t.get('status');
  return {
    status: status === 'running' || status === 'paused' ? status : 'idle',
    durationMs: num(t, 'durationMs', 0, 0),
    endsAt: num(t, 'endsAt', 0, 0),
    remainingMs: num(t, 'remainingMs', 0, 0),
  };
}

export function readLock(doc: Y.Doc): StructureLock | null {
  const l = workshopRoots(doc).workshop.get('lock');
  if (!(l instanceof Y.Map)) return null;
  const by = str(l, 'by');
  return by ? { by, name: str(l, 'name') } : null;
}

/** The workshop state as plain objects. */
export function readWorkshop(doc: Y.Doc): WorkshopSnapshot {
  const r = workshopRoots(doc);
  const threads: Thread[] = [];
  r.commentThreads.forEach((t, targetId) => {
    if (t instanceof Y.Map) threads.push({ targetId, resolved: t.get('resolved') === true });
  });
  return {
    comments: records(r.comments, readComment).sort((a, b) => a.createdAt - b.createdAt || byOrder(a, b)),
    threads,
    votes: records(r.votes, readVote).sort(byOrder),
    dots: records(r.dots, readDot),
    timer: readTimer(doc),
    lock: readLock(doc),
  };
}
