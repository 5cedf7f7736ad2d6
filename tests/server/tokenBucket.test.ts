import { describe, expect, it } from 'vitest';
import { TokenBucket, createByteBudget } from '../../server/rateLimit';

function manualClock(): { now: () => number; advance: (ms: number) => void } {
  let t = 0;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('TokenBucket as a byte budget', () => {
  it('takes a whole message or nothing', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(1000, 4000, clock.now);
    expect(bucket.take(3000)).toBe(true);
    expect(bucket.take(1500)).toBe(false); // 1000 left: nothing is taken
    expect(bucket.take(1000)).toBe(true);
    clock.advance(500);
    expect(bucket.take(500)).toBe(true);
  });

  it('says how long until a cost fits, for Retry-After', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(2, 2, clock.now);
    expect(bucket.msUntil()).toBe(0);
    bucket.take(2);
    expect(bucket.msUntil()).toBe(500);
    clock.advance(200);
    expect(bucket.msUntil()).toBeCloseTo(300);
  });

  it('knows when it is full again, which is when its owner can be forgotten', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(10, 5, clock.now);
    expect(bucket.isFull()).toBe(true);
    bucket.take(3);
    clock.advance(200);
    expect(bucket.isFull()).toBe(false);
    clock.advance(100);
    expect(bucket.isFull()).toBe(true);
  });

  it('is off when the byte rate is 0', () => {
    expect(createByteBudget(0, 100)).toBeNull();
    expect(createByteBudget(10, 100)).toBeInstanceOf(TokenBucket);
  });
});
