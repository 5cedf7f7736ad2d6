import { useCallback, useSyncExternalStore } from 'react';
import { rankTally, shownVote, tally, type VoteTarget } from '../model/workshop';
import { useBoardSession } from './useBoardSession';

/** The vote a card shows: its own figures in the journey's shown vote. */
export interface CardVote {
  id: string;
  /** Open: dots can still be given and taken back. */
  open: boolean;
  /** Whether the dots of others are hidden (a hidden vote not yet revealed). */
  hidden: boolean;
  /** Dots this person sees on the card: their own while hidden, everyone's after. */
  dots: number;
  mine: number;
  /** Dots this person has left to give in the whole vote. */
  left: number;
  /** The card's place in the results, once they are visible and it has dots. */
  rank: number | null;
}

export interface CardWorkshop {
  unresolved: number;
  vote: CardVote | null;
}

/**
 * Comment and vote figures of one card. Returns a string-encoded snapshot so that a card
 * re-renders only when its own figures change.
 */
export function useCardWorkshop(targetId: string, kind: VoteTarget, journeyId: string, voterId: string): CardWorkshop {
  const { workshop } = useBoardSession();
  const getSnapshot = useCallback(() => {
    const w = workshop.getSnapshot();
    const thread = w.threads.find((t) => t.targetId === targetId);
    const unresolved = thread && !thread.resolved ? w.comments.filter((c) => c.targetId === targetId).length : 0;
    const shown = shownVote(w.votes, journeyId);
    let vote: CardVote | null = null;
    if (shown && shown.target === kind) {
      const dots = w.dots.filter((d) => d.voteId === shown.id);
      const onCard = dots.filter((d) => d.targetId === targetId);
      const mine = onCard.filter((d) => d.voterId === voterId).length;
      const rank = shown.hidden ? null : (rankTally(tally(dots, shown.id)).find((r) => r.targetId === targetId)?.rank ?? null);
      vote = {
        id: shown.id,
        open: shown.status === 'open',
        hidden: shown.hidden,
        dots: shown.hidden ? mine : onCard.length,
        mine,
        left: Math.max(0, shown.dotsPerPerson - dots.filter((d) => d.voterId === voterId).length),
        rank,
      };
    }
    return JSON.stringify({ unresolved, vote });
  }, [workshop, targetId, kind, journeyId, voterId]);
  return JSON.parse(useSyncExternalStore(workshop.subscribe, getSnapshot)) as CardWorkshop;
}
