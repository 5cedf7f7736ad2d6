/** The per-board size cap (MAX_BOARD_BYTES), checked without encoding the whole board on every update. */

/** Near the cap, re-measure the exact size at most this often, unless the board grew a lot since. */
const REMEASURE_MS = 5000;

/** Deletions may take a board up to 1/16 past its cap. */
const DELETION_HEADROOM = 16;

/**
 * Tracks an upper estimate of a board's encoded size: the exact size when last measured plus
 * the bytes of every update applied since. Updates merge and deleted content is collected, so
 * the real size is usually smaller; the exact size is measured again only when the estimate
 * nears the cap, so a board far from it never pays for an encode.
 */
export class BoardSizeBudget {
  private estimate: number;
  /** The estimate right after the last exact measure; null until one happened. */
  private exact: number | null = null;
  private measuredAt = -Infinity;

  /**
   * @param maxBytes the cap; 0 turns it off.
   * @param initialEstimate an upper estimate at load time (the stored rows' total size).
   * @param measure returns the exact encoded size of the board (costly on a big board).
   */
  constructor(
    private readonly maxBytes: number,
    initialEstimate: number,
    private readonly measure: () => number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.estimate = initialEstimate;
  }

  /** The current upper estimate, in bytes. */
  get estimatedBytes(): number {
    return this.estimate;
  }

  /**
   * Whether an incoming update costing `incomingBytes` may be applied. Deletions have a cost
   * too (each range can split the items around it) but get some headroom past the cap, so
   * people can make room on a full board by deleting whole cards.
   */
  admits(incomingBytes: number, deletesOnly: boolean): boolean {
    if (this.maxBytes <= 0) return true;
    const cap = deletesOnly ? this.maxBytes + this.maxBytes / DELETION_HEADROOM : this.maxBytes;
    if (this.estimate + incomingBytes <= cap) return true;
    const stale = this.exact === null || this.estimate - this.exact >= this.maxBytes / 64;
    if (stale || this.now() - this.measuredAt >= REMEASURE_MS) this.measured(this.measure());
    return this.estimate + incomingBytes <= cap;
  }

  /** An update of `bytes` was applied. */
  grew(bytes: number): void {
    this.estimate += bytes;
  }

  /** The exact size is known (just measured, or just compacted). */
  measured(bytes: number): void {
    this.estimate = bytes;
    this.exact = bytes;
    this.measuredAt = this.now();
  }
}
