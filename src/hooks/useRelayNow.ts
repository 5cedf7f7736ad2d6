import { useEffect, useState } from 'react';
import { measureClockOffset } from '../sync/relayClock';

/** The relay's current time, ticking every `tickMs` (so timers agree across machines). */
export function useRelayNow(tickMs = 250): number {
  const [offset, setOffset] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let alive = true;
    void measureClockOffset().then((o) => alive && setOffset(o));
    const id = setInterval(() => setNow(Date.now()), tickMs);
    return () => {
      alive = false;
      clearInterval(id);
    };
  }, [tickMs]);
  return now + offset;
}
