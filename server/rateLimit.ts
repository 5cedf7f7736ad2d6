/** Per-connection message rate limiting. */

/**
 * A token bucket: it holds at most `burst` tokens, refills at `ratePerSecond`, and every
 * message takes one. A client may burst (a reconnect, a paste) as long as its average stays
 * under the rate.
 */
export class TokenBucket {
  private tokens: number;
  private refilledAt: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.refilledAt = now();
  }

  /** Takes one token; false when the bucket is empty (the message is over the limit). */
  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) / 1000) * this.ratePerSecond);
    this.refilledAt = now;
    if (this.tokens < 1 - 1e-9) return false; // tolerate rounding: a sender exactly at the rate passes
    this.tokens = Math.max(this.tokens, 1);
    this.tokens -= 1;
    return true;
  }
}

/** A bucket for the configured limits, or null when rate limiting is off (rate 0). */
export function createMessageLimiter(ratePerSecond: number, burst: number): TokenBucket | null {
  return ratePerSecond > 0 ? new TokenBucket(ratePerSecond, burst) : null;
}
