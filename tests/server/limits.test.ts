import { describe, expect, it } from 'vitest';
import { BoardSizeBudget } from '../../server/boardSize';
import { MessageLimiter, TokenBucket, createMessageLimiter } from '../../server/rateLimit';

/** A clock the test moves by hand. */
function manualClock(): { now: () => number; advance: (ms: number) => void } {
  let t = 0;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('TokenBucket', () => {
  it('allows a burst, then refills at the configured rate', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(10, 5, clock.now);
    const burst = Array.from({ length: 6 }, () => bucket.take());
    expect(burst).toEqual([true, true, true, true, true, false]);
    clock.advance(100); // 10/s: one token back
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it('never holds more than the burst however long the connection stays quiet', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(100, 3, clock.now);
    clock.advance(60_000);
    expect(Array.from({ length: 4 }, () => bucket.take())).toEqual([true, true, true, false]);
  });

  it('lets a steady sender at the rate through indefinitely', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(30, 1, clock.now);
    for (let i = 0; i < 1000; i++) {
      clock.advance(1000 / 30);
      expect(bucket.take()).toBe(true);
    }
  });

  it('is off when the rate is 0', () => {
    expect(createMessageLimiter(0, 10)).toBeNull();
    expect(createMessageLimiter(5, 10)).toBeInstanceOf(MessageLimiter);
  });
});

describe('MessageLimiter', () => {
  it('lets one awareness message back for each one sent, without touching the bucket', () => {
    const clock = manualClock();
    const limiter = new MessageLimiter(new TokenBucket(1, 1, clock.now));
    for (let i = 0; i < 50; i++) limiter.sentAwareness();
    for (let i = 0; i < 50; i++) expect(limiter.admit(true)).toBe(true);
    expect(limiter.admit(true)).toBe(true); // the bucket's one token
    expect(limiter.admit(true)).toBe(false);
  });

  it('never spends echo credits on other messages', () => {
    const clock = manualClock();
    const limiter = new MessageLimiter(new TokenBucket(1, 1, clock.now));
    for (let i = 0; i < 10; i++) limiter.sentAwareness();
    expect(limiter.admit(false)).toBe(true);
    expect(limiter.admit(false)).toBe(false);
  });
});

describe('BoardSizeBudget', () => {
  it('admits updates while the estimate stays under the cap, without measuring', () => {
    let measures = 0;
    const budget = new BoardSizeBudget(1000, 100, () => (measures++, 0));
    for (let i = 0; i < 8; i++) {
      expect(budget.admits(100, false)).toBe(true);
      budget.grew(100);
    }
    expect(measures).toBe(0);
    expect(budget.estimatedBytes).toBe(900);
  });

  it('measures the exact size near the cap and admits what really fits', () => {
    let measures = 0;
    const budget = new BoardSizeBudget(1000, 950, () => (measures++, 400));
    expect(budget.admits(200, false)).toBe(true);
    expect(measures).toBe(1);
    expect(budget.estimatedBytes).toBe(400);
  });

  it('refuses what would exceed the exact size, and re-measures only after a while', () => {
    const clock = manualClock();
    let exact = 990;
    let measures = 0;
    const budget = new BoardSizeBudget(1000, 990, () => (measures++, exact), clock.now);
    expect(budget.admits(50, false)).toBe(false);
    expect(budget.admits(50, false)).toBe(false);
    expect(measures).toBe(1); // the second refusal trusted the fresh measure
    exact = 500; // someone deleted content
    clock.advance(5000);
    expect(budget.admits(50, false)).toBe(true);
    expect(measures).toBe(2);
  });

  it('gives deletions (which can fragment a board) a headroom of 1/16 past the cap, no more', () => {
    const budget = new BoardSizeBudget(1600, 1000, () => 1000);
    expect(budget.admits(650, true)).toBe(true);
    expect(budget.admits(650, false)).toBe(false);
    expect(budget.admits(800, true)).toBe(false);
  });

  it('is off when the cap is 0', () => {
    const budget = new BoardSizeBudget(0, 10 ** 9, () => 10 ** 9);
    expect(budget.admits(10 ** 6, false)).toBe(true);
  });
});
