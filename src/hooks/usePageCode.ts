import { useEffect, useState } from 'react';

interface Fetched<T> {
  promise: Promise<T>;
  code?: T;
  failed?: boolean;
}

/** Each loader's download, once started: a page opened again has its code at once. */
const fetched = new WeakMap<() => Promise<unknown>, Fetched<unknown>>();

function start<T>(load: () => Promise<T>): Fetched<T> {
  let entry = fetched.get(load) as Fetched<T> | undefined;
  if (!entry) {
    const made: Fetched<T> = {
      promise: load().then(
        (code) => (made.code = code),
        (cause: unknown) => {
          made.failed = true;
          throw cause;
        },
      ),
    };
    made.promise.catch(() => undefined);
    fetched.set(load, made as Fetched<unknown>);
    entry = made;
  }
  return entry;
}

export interface PageCode<T> {
  /** The page's code, null until it has come. */
  code: T | null;
  /** The download failed (offline, or a newer version deployed since). */
  failed: boolean;
}

/**
 * The code of a whole page, downloaded on first use and shown the moment it arrives. Not
 * React.lazy: a Suspense boundary that showed its fallback keeps it for at least 300 ms before
 * revealing what came, which delayed every board's first paint by a fifth of a second.
 */
export function usePageCode<T>(load: () => Promise<T>): PageCode<T> {
  // Started during render, before the first commit, so the download begins as early as it can.
  const entry = start(load);
  const [, arrived] = useState(0);
  const shown = entry.code !== undefined || entry.failed === true;
  useEffect(() => {
    // It may have come between this render and this effect: render again then too.
    if (shown) return;
    let alive = true;
    const settle = () => alive && arrived((n) => n + 1);
    entry.promise.then(settle, settle);
    return () => {
      alive = false;
    };
  }, [entry, shown]);
  return { code: entry.code ?? null, failed: entry.failed ?? false };
}
