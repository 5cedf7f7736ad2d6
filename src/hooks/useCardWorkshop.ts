import { useCallback, useSyncExternalStore } from 'react';
import { useBoardSession } from './useBoardSession';

export interface CardWorkshop {
  unresolved: number;
  /** The open vote on this kind of card in this journey, if any. */
  voteId: string | null;
  dots: number;
  mine: number;
  /** Whether the dots of others are hidden (a hidden vote not yet revealed). */
  hidden: boolean;
}

/**
 * Comment and vote figures of one card. Returns a string-encoded snapshot so that a card
 * re-renders only when its own figures change.
 */
export function useCardWorkshop(targetId: string, kind: 'touchpoints' | 'painPoints', journeyId: string, voterId: string): CardWorkshop {
  const { workshop } = useBoardSession();
  const getSnapshot = useCallback(() => {
    const w = workshop.getSnapshot();
    const thread = w.threads.find((t) => t.targetId === targetId);
    const unresolved = thread && !thread.resolved ? w.comments.filter((c) => c.targetId === targetId).length : 0;
    const vote = w.votes.find((v) => v.status === 'open' && v.target === kind && v.journeyId === journeyId);
    const dots = vote ? w.dots.filter((d) => d.voteId === vote.id && d.targetId === targetId) : [];
    const mine = dots.filter((d) => d.voterId === voterId).length;
    return JSON.stringify({ unresolved, voteId: vote?.id ?? null, dots: dots.length, mine, hidden: vote?.hidden ?? false });
  }, [workshop, targetId, kind, journeyId, voterId]);
  return JSON.parse(useSyncExternalStore(workshop.subscribe, getSnapshot)) as CardWorkshop;
}
