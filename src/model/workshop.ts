/** Workshop records: comments, dot votes, the shared timer and the structure lock. */
import { byOrder } from './order';

/** A comment in the thread of a touchpoint, pain point or action (its `targetId`). */
export interface Comment {
  id: string;
  targetId: string;
  authorId: string;
  authorName: string;
  authorColor: string;
  text: string;
  createdAt: number;
  /** Names mentioned with @ in the text. */
  mentions: string[];
  /** Identity ids of the people mentioned, so a mention reaches them whatever name they go by now. */
  mentionIds: string[];
  order: string;
}

/** The resolution state of the thread on one target. */
export interface Thread {
  targetId: string;
  resolved: boolean;
}

export type VoteTarget = 'touchpoints' | 'painPoints';

/** A dot vote run by the facilitator. */
export interface Vote {
  id: string;
  title: string;
  target: VoteTarget;
  journeyId: string;
  dotsPerPerson: number;
  /** Dots of others stay hidden until the facilitator reveals them. */
  hidden: boolean;
  status: 'open' | 'closed';
  /** The facilitator took the results off the cards (they stay listed in the panel). */
  cleared: boolean;
  createdAt: number;
  order: string;
}

/** One dot placed by one voter on one item. */
export interface Dot {
  id: string;
  voteId: string;
  voterId: string;
  targetId: string;
}

export type TimerStatus = 'idle' | 'running' | 'paused';

/**
 * The shared countdown. While running, `endsAt` is a time on the relay's clock, so every
 * machine computes the same remaining time whatever its own clock says.
 */
export interface TimerState {
  status: TimerStatus;
  durationMs: number;
  endsAt: number;
  /** Time left when paused (or the full duration when idle). */
  remainingMs: number;
}

export interface StructureLock {
  /** The identity id of the facilitator who locked the structure. */
  by: string;
  name: string;
}

export interface WorkshopSnapshot {
  comments: Comment[];
  threads: Thread[];
  votes: Vote[];
  dots: Dot[];
  timer: TimerState;
  lock: StructureLock | null;
}

export const IDLE_TIMER: TimerState = { status: 'idle', durationMs: 0, endsAt: 0, remainingMs: 0 };
export const MAX_DOTS_PER_PERSON = 20;

/** Time left on the timer at `now` (relay clock), never negative. */
export function timeLeft(timer: TimerState, now: number): number {
  if (timer.status === 'running') return Math.max(0, timer.endsAt - now);
  return Math.max(0, timer.remainingMs);
}

export function startTimer(durationMs: number, now: number): TimerState {
  return { status: 'running', durationMs, endsAt: now + durationMs, remainingMs: durationMs };
}

export function pauseTimer(timer: TimerState, now: number): TimerState {
  if (timer.status !== 'running') return timer;
  return { ...timer, status: 'paused', remainingMs: timeLeft(timer, now) };
}

export function resumeTimer(timer: TimerState, now: number): TimerState {
  if (timer.status !== 'paused') return timer;
  return { ...timer, status: 'running', endsAt: now + timer.remainingMs };
}

/**
 * How long « Time is up » stays on every screen. Past it the timer has ended by itself: every
 * machine computes the same moment from the relay clock, so nobody has to write it down.
 */
export const TIMER_END_SIGNAL_MS = 60_000;

/** What the timer shows at `now`: nothing set, counting, paused, or the end being signalled. */
export type TimerPhase = 'idle' | 'running' | 'paused' | 'ended';

export function timerPhase(timer: TimerState, now: number): TimerPhase {
  if (timer.status !== 'running') return timer.status;
  if (now < timer.endsAt) return 'running';
  return now - timer.endsAt < TIMER_END_SIGNAL_MS ? 'ended' : 'idle';
}

/** Adds (or with a negative value removes) time, whatever the state. */
export function addTime(timer: TimerState, ms: number, now: number): TimerState {
  if (timer.status === 'running') {
    const endsAt = Math.max(now, timer.endsAt + ms);
    return { ...timer, endsAt, durationMs: timer.durationMs + ms };
  }
  return { ...timer, remainingMs: Math.max(0, timer.remainingMs + ms), durationMs: timer.durationMs + ms };
}

/** "mm:ss" (or "h:mm:ss") of a duration, rounded up to the second. */
export function formatDuration(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export interface Tally {
  targetId: string;
  count: number;
}

/** Dots per item of a vote, most voted first (ties by id, so every client ranks alike). */
export function tally(dots: readonly Dot[], voteId: string): Tally[] {
  const counts = new Map<string, number>();
  for (const d of dots) if (d.voteId === voteId) counts.set(d.targetId, (counts.get(d.targetId) ?? 0) + 1);
  return [...counts.entries()]
    .map(([targetId, count]) => ({ targetId, count }))
    .sort((a, b) => b.count - a.count || (a.targetId < b.targetId ? -1 : 1));
}

export interface RankedTally extends Tally {
  /** 1 for the most voted; items with as many dots share a rank (1, 1, 3). */
  rank: number;
}

/** A tally with ranks, most voted first. */
export function rankTally(tallies: readonly Tally[]): RankedTally[] {
  const sorted = [...tallies].sort((a, b) => b.count - a.count || (a.targetId < b.targetId ? -1 : 1));
  return sorted.map((t) => ({ ...t, rank: sorted.findIndex((o) => o.count === t.count) + 1 }));
}

/**
 * The vote whose dots the cards of a journey show: its latest vote, open or closed, until the
 * facilitator clears its results or opens another one.
 */
export function shownVote(votes: readonly Vote[], journeyId: string): Vote | null {
  let latest: Vote | null = null;
  // Order keys, not clocks: every machine agrees on which vote came last.
  for (const v of votes) if (v.journeyId === journeyId && (!latest || byOrder(latest, v) < 0)) latest = v;
  return latest && !latest.cleared ? latest : null;
}

export interface Voter {
  id: string;
  name: string;
}

export interface VoteProgress {
  /** People who placed at least one dot. */
  voted: number;
  /** Everyone who may vote and is on the board, and whoever already voted. */
  total: number;
  /** Those on the board who may vote and have placed no dot yet. */
  waiting: Voter[];
}

/** How far a vote has got: who of `present` (the people on the board who may vote) has voted. */
export function voteProgress(dots: readonly Dot[], voteId: string, present: readonly Voter[]): VoteProgress {
  const voters = new Set(dots.filter((d) => d.voteId === voteId).map((d) => d.voterId));
  const everyone = new Set([...voters, ...present.map((p) => p.id)]);
  const waiting = new Map<string, Voter>();
  for (const p of present) if (!voters.has(p.id)) waiting.set(p.id, p);
  return { voted: voters.size, total: everyone.size, waiting: [...waiting.values()].sort((a, b) => a.name.localeCompare(b.name)) };
}

/** The names mentioned with "@Name" in a comment, among the known names (longest match first). */
export function findMentions(text: string, names: readonly string[]): string[] {
  const found = new Set<string>();
  const sorted = [...new Set(names)].filter(Boolean).sort((a, b) => b.length - a.length);
  for (let i = text.indexOf('@'); i >= 0; i = text.indexOf('@', i + 1)) {
    // "@" inside a word (an e-mail address) is not a mention.
    if (i > 0 && /[\p{L}\p{N}._-]/u.test(text[i - 1] ?? '')) continue;
    const rest = text.slice(i + 1).toLowerCase();
    const name = sorted.find((n) => rest.startsWith(n.toLowerCase()));
    if (name) found.add(name);
  }
  return [...found];
}
