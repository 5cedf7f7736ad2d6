import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { mentionsPerson } from '../model/comments';
import type { Comment } from '../model/workshop';
import { loadSeenMentions, markMentionsSeen, subscribeSeenMentions } from '../sync/seenMentions';
import { useUiStore } from '../store';
import { useBoardSession } from './useBoardSession';
import { useWorkshop } from './useWorkshop';

export interface Mentions {
  /** Comments that mention this person, newest first. */
  mine: Comment[];
  /** Those of `mine` this person has not seen yet. */
  unread: Comment[];
  /** Records that these comments have been seen (in this browser). */
  markSeen(commentIds: readonly string[]): void;
}

/** The mentions of the person on this screen, and which of them are new to them. */
export function useMentions(): Mentions {
  const { boardId } = useBoardSession();
  const { comments } = useWorkshop();
  const me = useUiStore((s) => s.identity);
  // The seen list is re-read as a string so the snapshot only changes when it does.
  const seenJson = useSyncExternalStore(subscribeSeenMentions, () => JSON.stringify([...loadSeenMentions(boardId, me.id)]));
  const mine = useMemo(() => comments.filter((c) => mentionsPerson(c, me)).sort((a, b) => b.createdAt - a.createdAt), [comments, me]);
  const unread = useMemo(() => {
    const seen = new Set(JSON.parse(seenJson) as string[]);
    return mine.filter((c) => !seen.has(c.id));
  }, [mine, seenJson]);
  const markSeen = useCallback((ids: readonly string[]) => void markMentionsSeen(boardId, me.id, ids), [boardId, me.id]);
  return { mine, unread, markSeen };
}
