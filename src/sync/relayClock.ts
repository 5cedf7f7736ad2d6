/** The relay's clock as this page estimates it (timers, summons and votes agree across machines). */
/** How far the relay's clock is ahead of this machine's, measured once per page. */
let offsetPromise: Promise<number> | null = null;
/** The offset last measured (0 until then). */
let lastOffset = 0;

/** Measures the relay clock offset from /api/time, halving the round trip. */
export function measureClockOffset(fetchTime: () => Promise<number> = defaultFetchTime): Promise<number> {
  offsetPromise ??= (async () => {
    try {
      const before = Date.now();
      const serverNow = await fetchTime();
      const after = Date.now();
      lastOffset = serverNow - (before + after) / 2;
      return lastOffset;
    } catch {
      offsetPromise = null;
      return 0;
    }
  })();
  return offsetPromise;
}

/** The relay's time now, by the offset measured so far (this machine's clock until it is known). */
export function relayNow(): number {
  return Date.now() + lastOffset;
}

async function defaultFetchTime(): Promise<number> {
  const res = await fetch('/api/time', { cache: 'no-store' });
  const body = (await res.json()) as { now?: unknown };
  if (typeof body.now !== 'number') throw new Error('bad time answer');
  return body.now;
}
