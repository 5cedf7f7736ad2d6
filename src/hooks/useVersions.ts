import { useCallback, useEffect, useState } from 'react';
import * as Y from 'yjs';
import type { MetricsSummary } from '../model/metrics';
import { listVersions, loadVersion, saveVersion, type VersionInfo } from '../sync/access';
import { createHttpMetrics } from '../sync/metrics';
import { useOnline } from './useOnline';

export interface Versions {
  /** null until the relay has answered: « no version » is only said once it is known. */
  versions: VersionInfo[] | null;
  /** Why the list could not be loaded (cleared by the next success). */
  loadError: unknown;
  refresh(): void;
  /** Saves the board as it is on the relay under `name`, then lists the versions again. */
  save(name: string, author: string): Promise<void>;
  /** A version's document, to compare or restore (the caller destroys it). */
  open(id: string): Promise<Y.Doc>;
  /** The KPIs' summaries as the relay had them at `at` (a version's time); fails offline. */
  metricsAt(at: number): Promise<MetricsSummary>;
}

/** The board's versions on the relay: listed, asked again when the connection comes back, saved and opened. */
export function useVersions(boardId: string, token: string | null): Versions {
  const [versions, setVersions] = useState<VersionInfo[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const online = useOnline();
  const refresh = useCallback(() => {
    listVersions(boardId, token).then(
      (list) => {
        setVersions(list);
        setLoadError(null);
      },
      (e: unknown) => setLoadError(e ?? new Error('failed')),
    );
  }, [boardId, token]);
  // Asked again when the connection comes back, so an offline failure clears by itself.
  useEffect(() => refresh(), [refresh, online]);
  const save = useCallback(
    async (name: string, author: string) => {
      await saveVersion(boardId, token, name, author);
      refresh();
    },
    [boardId, token, refresh],
  );
  const open = useCallback(
    async (id: string) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, await loadVersion(boardId, token, id));
      return doc;
    },
    [boardId, token],
  );
  const metricsAt = useCallback(
    (at: number) =>
      new Promise<MetricsSummary>((resolve, reject) => {
        // A read-only client of that moment: it reads the summary once, then is dropped.
        const client = createHttpMetrics({ boardId, token, at });
        const settle = () => {
          const state = client.getState();
          if (state.status === 'loading') return;
          stop();
          client.destroy();
          if (state.status === 'ready') resolve(state.summary);
          else reject(new Error('offline'));
        };
        const stop = client.subscribe(settle);
        settle();
      }),
    [boardId, token],
  );
  return { versions, loadError, refresh, save, open, metricsAt };
}
