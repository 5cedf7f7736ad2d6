/** Running something when a share link expires, however far away that is. */

/** Longest delay setTimeout honours (a longer one fires at once). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Runs `expire` once the wall clock reaches `expiresAt`; returns a function that cancels it. A
 * far expiry is reached in steps of at most MAX_TIMER_MS, and each step re-reads the clock, so a
 * timer that fires a little early does not expire a link a little early.
 */
export function atExpiry(expiresAt: number, expire: () => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  const check = (): void => {
    const left = expiresAt - Date.now();
    if (left <= 0) {
      timer = undefined;
      expire();
      return;
    }
    timer = setTimeout(check, Math.min(left, MAX_TIMER_MS));
    timer.unref();
  };
  check();
  return () => clearTimeout(timer);
}
