import { useCallback, useContext, useSyncExternalStore } from 'react';
import { rankTally, shownVote, tally, type VoteTarget } from '../model/workshop';
import { BoardContext } from './useBoardSession';

export interface VoteResult {
  rank: number;
  count: number;
}

const noSubscription = () => () => {};

/**
 * The visible vote result of one item (the journey's shown vote, revealed or closed), or null.
 * Outside a board (a poster rendered on its own) there is no vote to show.
 */
export function useVoteResult(targetId: string, kind: VoteTarget, journeyId: string | null): VoteResult | null {
  const session = useContext(BoardContext);
  const getSnapshot = useCallback(() => {
    const w = session?.workshop.getSnapshot();
    const vote = w && journeyId ? shownVote(w.votes, journeyId) : null;
    if (!w || !vote || vote.hidden || vote.target !== kind) return '';
    const r = rankTally(tally(w.dots, vote.id)).find((x) => x.targetId === targetId);
    return r ? `${r.rank}:${r.count}` : '';
  }, [session, targetId, kind, journeyId]);
  const snapshot = useSyncExternalStore(session?.workshop.subscribe ?? noSubscription, getSnapshot);
  if (!snapshot) return null;
  const [rank, count] = snapshot.split(':').map(Number) as [number, number];
  return { rank, count };
}
