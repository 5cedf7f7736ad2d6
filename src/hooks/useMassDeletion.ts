import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { restoreDeletedTouchpoints } from '../doc/commands/restoreDeleted';
import { watchMassDeletion, type MassDeletionWatch } from '../doc/massDeletionWatch';
import type { DeletionBurst } from '../model/massDeletion';
import { capabilitiesOf } from '../model/roles';
import { versionsBefore } from '../model/versions';
import { listVersions, loadVersion } from '../sync/access';
import type { Peer } from '../sync/presence';
import { useBoardSession } from './useBoardSession';
import { usePeers } from './usePeers';
import { measureClockOffset } from '../sync/relayClock';

/** How many versions before the deletion are searched for the deleted cards, newest first. */
const VERSIONS_SEARCHED = 5;

export type RestoreOutcome =
  { kind: 'restoring' } | { kind: 'restored'; restored: number; missing: number } | { kind: 'failed'; error: unknown };

export interface MassDeletionState {
  /** The burst of deletions by others to warn about (only a massive one), or null. */
  burst: DeletionBurst | null;
  /** Who deleted, when presence tells (names). */
  who: string[];
  /** Where a restore stands, once asked for. */
  outcome: RestoreOutcome | null;
  restore(): void;
  dismiss(): void;
}

const noSubscribe = () => () => {};
const hasCard = (doc: Y.Doc, id: string) => doc.getMap('touchpoints').get(id) instanceof Y.Map;

/** Names of who deleted: the writers of the deleting transactions, else the only other person who may edit. */
function deleters(burst: DeletionBurst, peers: readonly Peer[]): string[] {
  const named = peers.filter((p) => !p.isSelf && burst.authors.includes(p.clientId)).map((p) => p.name);
  if (named.length > 0) return named;
  const editors = peers.filter((p) => !p.isSelf && capabilitiesOf(p.role).canEdit);
  return editors.length === 1 ? [editors[0]!.name] : [];
}

/** The saved versions (newest first, taken before `relayTime`) that hold some of `ids`. */
async function sourcesFor(boardId: string, token: string | null, relayTime: number, ids: string[]): Promise<Y.Doc[]> {
  const sources: Y.Doc[] = [];
  let wanted = ids;
  for (const version of versionsBefore(await listVersions(boardId, token), relayTime).slice(0, VERSIONS_SEARCHED)) {
    if (wanted.length === 0) break;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await loadVersion(boardId, token, version.id));
    if (wanted.some((id) => hasCard(doc, id))) {
      sources.push(doc);
      wanted = wanted.filter((id) => !hasCard(doc, id));
    } else doc.destroy();
  }
  return sources;
}

/**
 * Warns about touchpoints deleted by others in a short time (see src/model/massDeletion.ts) and
 * restores them from the versions saved before, as one undoable change of this person.
 */
export function useMassDeletion(): MassDeletionState {
  const { doc, boardId, token } = useBoardSession();
  const [watch, setWatch] = useState<MassDeletionWatch | null>(null);
  useEffect(() => {
    const made = watchMassDeletion(doc);
    setWatch(made);
    return () => made.destroy();
  }, [doc]);
  const burst = useSyncExternalStore(watch?.subscribe ?? noSubscribe, () => watch?.getBurst() ?? null);
  const peers = usePeers();
  const [outcome, setOutcome] = useState<RestoreOutcome | null>(null);

  const restore = useCallback(() => {
    if (!burst || !watch) return;
    const ids = burst.ids.filter((id) => !hasCard(doc, id));
    setOutcome({ kind: 'restoring' });
    void (async () => {
      try {
        // Versions carry the relay's time; the deletion was seen on this machine's clock.
        const relayTime = burst.startedAt + (await measureClockOffset());
        const sources = await sourcesFor(boardId, token, relayTime, ids);
        const restored = restoreDeletedTouchpoints(doc, sources, ids);
        for (const source of sources) source.destroy();
        watch.clear();
        setOutcome({ kind: 'restored', restored: restored.length, missing: ids.filter((id) => !hasCard(doc, id)).length });
      } catch (error) {
        setOutcome({ kind: 'failed', error });
      }
    })();
  }, [boardId, burst, doc, token, watch]);

  const dismiss = useCallback(() => {
    watch?.clear();
    setOutcome(null);
  }, [watch]);

  const massive = burst?.massive ? burst : null;
  return { burst: massive, who: massive ? deleters(massive, peers) : [], outcome, restore, dismiss };
}
