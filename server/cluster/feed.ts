/**
 * One board's stream of stored updates as one instance follows it: every update has a per-board
 * sequence number (seq) given by PostgreSQL when it was stored. Pub/sub brings them fast but may
 * lose some; PostgreSQL has them all. The feed applies what pub/sub brings at once (Yjs updates
 * commute, so order does not matter), notices a hole in the seqs, and then reads what it lacks
 * from PostgreSQL (`loadSince`). A lost message delays an edit, never loses or forks it.
 *
 * What the store must guarantee: a board's seqs grow with commit order (the seq is taken under
 * the board's lock), so once a read returned seq n, every seq below n that will ever exist is
 * already readable.
 */
import type { Logger } from '../log';

export interface SeqRow {
  seq: number;
  update: Uint8Array;
}

export interface BoardFeedOptions {
  boardId: string;
  log: Logger;
  /** Stored rows with a seq above `seq`, in seq order. */
  loadSince(seq: number): Promise<SeqRow[]>;
  /** The board's highest stored seq (0 if none): the cheap periodic check. */
  maxSeq(): Promise<number>;
  /** Hands a stored update made elsewhere to the room (which fans it to its clients). */
  apply(update: Uint8Array, seq: number): void;
  /** How long a hole may stay open before the feed reads PostgreSQL (messages from two instances may cross). */
  gapGraceMs?: number;
}

/** Messages of two instances can overtake each other on the way: give the missing one this long. */
export const DEFAULT_GAP_GRACE_MS = 40;

export class BoardFeed {
  /** Every seq up to this one is in the room. */
  private applied = 0;
  /** Seqs above `applied` already in the room (arrived early, or committed here). */
  private readonly ahead = new Set<number>();
  /** Messages that arrived before start(): the room was still loading. */
  private early: SeqRow[] | null = [];
  private gapTimer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  /** Catch-ups done (tests and diagnostics). */
  catchUps = 0;

  constructor(private readonly options: BoardFeedOptions) {}

  /** The highest seq below which the room holds every update. */
  get appliedSeq(): number {
    return this.applied;
  }

  /** Whether a hole is open (some seq between appliedSeq and a seq already held is missing). */
  get hasGap(): boolean {
    return this.ahead.size > 0;
  }

  /**
   * The room was loaded up to `loadedSeq`: apply what pub/sub brought meanwhile above it, and
   * catch up if that leaves a hole. Subscribing before loading means nothing falls between.
   */
  start(loadedSeq: number): void {
    const early = this.early ?? [];
    this.early = null;
    this.applied = Math.max(this.applied, loadedSeq);
    for (const row of early) this.receive(row.seq, row.update);
  }

  /** An update another instance stored and published. */
  receive(seq: number, update: Uint8Array): void {
    if (this.stopped) return;
    if (this.early !== null) {
      this.early.push({ seq, update });
      return;
    }
    if (seq <= this.applied || this.ahead.has(seq)) return; // already in the room
    this.options.apply(update, seq);
    this.mark(seq);
  }

  /** An update this instance stored with `seq` (it is in the room already). */
  committedHere(seq: number): void {
    if (this.stopped || seq <= this.applied) return;
    this.mark(seq);
  }

  /** The periodic check: a lost last message leaves no hole to notice, but a higher max(seq). */
  async check(): Promise<void> {
    if (this.stopped || this.early !== null) return;
    let max: number;
    try {
      max = await this.options.maxSeq();
    } catch (error) {
      this.options.log.warn('could not read the board seq', { board: this.options.boardId, error: String(error) });
      return;
    }
    if (max > this.applied && !this.allHeldUpTo(max)) await this.catchUp();
  }

  /** Reads every stored update after appliedSeq and applies the ones the room lacks. Coalesced. */
  catchUp(): Promise<void> {
    if (this.stopped || this.early !== null) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.catchUpOnce();
        } while (this.again && !this.stopped);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  stop(): void {
    this.stopped = true;
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.gapTimer = null;
    this.ahead.clear();
  }

  private async catchUpOnce(): Promise<void> {
    this.catchUps++;
    let rows: SeqRow[];
    try {
      rows = await this.options.loadSince(this.applied);
    } catch (error) {
      // PostgreSQL away: the next message, check or reconnection tries again.
      this.options.log.warn('catch-up from the database failed', { board: this.options.boardId, error: String(error) });
      return;
    }
    if (this.stopped) return;
    let highest = this.applied;
    for (const row of rows) {
      if (row.seq > this.applied && !this.ahead.has(row.seq)) this.options.apply(row.update, row.seq);
      highest = Math.max(highest, row.seq);
    }
    // Rows came in commit order: nothing below the highest one read can still appear.
    this.applied = highest;
    for (const seq of this.ahead) if (seq <= highest) this.ahead.delete(seq);
    this.advance();
  }

  private mark(seq: number): void {
    this.ahead.add(seq);
    this.advance();
    if (this.ahead.size > 0) this.scheduleGapCheck();
  }

  /** Moves `applied` over every contiguous seq held. */
  private advance(): void {
    while (this.ahead.delete(this.applied + 1)) this.applied++;
    if (this.ahead.size === 0 && this.gapTimer) {
      clearTimeout(this.gapTimer);
      this.gapTimer = null;
    }
  }

  private allHeldUpTo(max: number): boolean {
    for (let seq = this.applied + 1; seq <= max; seq++) if (!this.ahead.has(seq)) return false;
    return true;
  }

  private scheduleGapCheck(): void {
    if (this.gapTimer || this.stopped) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null;
      if (this.ahead.size > 0) void this.catchUp();
    }, this.options.gapGraceMs ?? DEFAULT_GAP_GRACE_MS);
    this.gapTimer.unref();
  }
}
