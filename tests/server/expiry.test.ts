import { afterEach, describe, expect, it, vi } from 'vitest';
import { atExpiry } from '../../server/expiry';

afterEach(() => vi.useRealTimers());

describe('atExpiry', () => {
  it('reaches an expiry beyond the longest setTimeout delay in steps, firing once, not early', () => {
    vi.useFakeTimers({ now: 0 });
    const expire = vi.fn();
    const expiresAt = 40 * 86_400_000; // 40 days: past 2^31 - 1 ms (24.8 days)
    atExpiry(expiresAt, expire);
    vi.advanceTimersByTime(2 ** 31 - 1);
    expect(expire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(expiresAt - (2 ** 31 - 1) - 1);
    expect(expire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(expire).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10 * 86_400_000);
    expect(expire).toHaveBeenCalledTimes(1);
  });

  it('runs at once for a time already past, and never once cancelled', () => {
    vi.useFakeTimers({ now: 1000 });
    const past = vi.fn();
    atExpiry(999, past);
    expect(past).toHaveBeenCalledTimes(1);
    const cancelled = vi.fn();
    const cancel = atExpiry(5000, cancelled);
    cancel();
    vi.advanceTimersByTime(10_000);
    expect(cancelled).not.toHaveBeenCalled();
  });
});
