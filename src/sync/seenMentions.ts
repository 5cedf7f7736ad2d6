/**
 * Which mentions of this person they have already seen, per board: what makes a mention
 * "new" is personal, so it is kept in this browser's localStorage, never in the board.
 */

/** Most comment ids remembered per board and person; the oldest are forgotten first. */
const MAX_SEEN = 500;

const keyOf = (boardId: string, personId: string) => `parcours.seenMentions.${boardId}.${personId}`;

type Listener = () => void;
const listeners = new Set<Listener>();

/** The comment ids whose mention of `personId` has been seen on `boardId`. */
export function loadSeenMentions(
  boardId: string,
  personId: string,
  storage: Storage | undefined = globalThis.localStorage,
): ReadonlySet<string> {
  try {
    const raw = JSON.parse(storage?.getItem(keyOf(boardId, personId)) ?? '[]') as unknown;
    return new Set(Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    // A corrupt entry only makes old mentions look new again.
    return new Set();
  }
}

/** Marks mentions as seen; returns whether anything changed. */
export function markMentionsSeen(
  boardId: string,
  personId: string,
  commentIds: readonly string[],
  storage: Storage | undefined = globalThis.localStorage,
): boolean {
  const seen = loadSeenMentions(boardId, personId, storage);
  const fresh = commentIds.filter((id) => !seen.has(id));
  if (fresh.length === 0) return false;
  try {
    storage?.setItem(keyOf(boardId, personId), JSON.stringify([...seen, ...fresh].slice(-MAX_SEEN)));
  } catch {
    // Storage full or refused: the mentions stay marked new, nothing else is lost.
    return false;
  }
  for (const l of listeners) l();
  return true;
}

/** Calls `listener` when the seen mentions change, in this tab or another one. */
export function subscribeSeenMentions(listener: Listener): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key?.startsWith('parcours.seenMentions.')) listener();
  };
  globalThis.addEventListener?.('storage', onStorage);
  return () => {
    listeners.delete(listener);
    globalThis.removeEventListener?.('storage', onStorage);
  };
}
