/** Token buckets: per-connection message and byte rates, per-address request rates. */

function monotonicNow(): number {
  return performance.now();
}

/**
 * A token bucket: it holds at most `burst` tokens, refills at `ratePerSecond`, and every
 * message takes one (or, for a byte budget, one per byte). A client may burst (a reconnect, a
 * paste) as long as its average stays under the rate.
 */
export class TokenBucket {
  private tokens: number;
  private refilledAt: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = monotonicNow,
  ) {
    this.tokens = burst;
    this.refilledAt = now();
  }

  /** Takes `cost` tokens; false (and nothing taken) when the bucket holds fewer. */
  take(cost = 1): boolean {
    this.refill();
    if (this.tokens < cost - 1e-9) return false; // tolerate rounding: a sender exactly at the rate passes
    this.tokens = Math.max(this.tokens, cost) - cost;
    return true;
  }

  /** Milliseconds until `cost` tokens are back (0 if they are there now): what Retry-After says. */
  msUntil(cost = 1): number {
    this.refill();
    return this.tokens >= cost ? 0 : ((cost - this.tokens) / this.ratePerSecond) * 1000;
  }

  /** Whether the bucket is full again, i.e. no different from a fresh one (its owner can be forgotten). */
  isFull(): boolean {
    this.refill();
    return this.tokens >= this.burst;
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) / 1000) * this.ratePerSecond);
    this.refilledAt = now;
  }
}

/** Echo credits a connection may bank (a few seconds of a busy room's presence). */
const MAX_ECHO_CREDITS = 1000;

/**
 * The rate limit of one connection. Stock providers (y-websocket, Hocuspocus) send back every
 * awareness update they receive, so a client in a room of 30 with live cursors echoes some 300
 * messages a second that it did not author. Those must not count against its own rate: each
 * awareness message the relay sends a connection earns it one free awareness message back.
 */
export class MessageLimiter {
  private echoCredits = 0;

  constructor(private readonly bucket: TokenBucket) {}

  /** The relay sent this connection an awareness message. */
  sentAwareness(): void {
    if (this.echoCredits < MAX_ECHO_CREDITS) this.echoCredits++;
  }

  /** Whether an incoming message is within the limit. */
  admit(isAwareness: boolean): boolean {
    if (isAwareness && this.echoCredits > 0) {
      this.echoCredits--;
      return true;
    }
    return this.bucket.take();
  }
}

/** A limiter for the configured limits, or null when rate limiting is off (rate 0). */
export function createMessageLimiter(ratePerSecond: number, burst: number): MessageLimiter | null {
  return ratePerSecond > 0 ? new MessageLimiter(new TokenBucket(ratePerSecond, burst)) : null;
}

/** A byte budget for the configured limits (one token per byte received), or null when it is off (rate 0). */
export function createByteBudget(bytesPerSecond: number, burstBytes: number): TokenBucket | null {
  return bytesPerSecond > 0 ? new TokenBucket(bytesPerSecond, burstBytes) : null;
}
