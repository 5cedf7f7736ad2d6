import { MessageSquare } from 'lucide-react';
import { placeDot, removeDot } from '../../doc/commands';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useCapabilities } from '../../hooks/useCapabilities';
import { useT } from '../../hooks/useT';
import { useCardWorkshop } from '../../hooks/useCardWorkshop';
import type { VoteTarget } from '../../model/workshop';
import { useUiStore } from '../../store';

export interface CardWorkshopBadgesProps {
  targetId: string;
  kind: VoteTarget;
  journeyId: string;
  text: string;
}

/**
 * On a card: its unresolved comments; during a dot vote its dots with buttons to give or take
 * one back; and once the results are visible, its rank and count, large enough to read across
 * the room, kept after the vote is closed.
 */
export function CardWorkshopBadges({ targetId, kind, journeyId, text }: CardWorkshopBadgesProps) {
  const t = useT();
  const { doc } = useBoardSession();
  const { canEdit: canVote } = useCapabilities();
  const me = useUiStore((s) => s.identity.id);
  const openComments = useUiStore((s) => s.openComments);
  const { unresolved, vote } = useCardWorkshop(targetId, kind, journeyId, me);
  const result = vote && vote.rank !== null && vote.dots > 0 ? { rank: vote.rank, count: vote.dots } : null;
  if (!vote?.open && !result && unresolved === 0) return null;
  return (
    <>
      {result && (
        <span
          className={`vote-result${result.rank <= 3 ? ` vote-result--top${result.rank}` : ''}`}
          role="img"
          aria-label={t.plural('vote.ranked', result.count, { rank: result.rank })}
        >
          <span className="vote-result__rank">{t('vote.rank', { rank: result.rank })}</span>
          <span className="vote-result__count">{result.count}</span>
        </span>
      )}
      {(unresolved > 0 || vote?.open) && (
        <div className="card-badges nodrag export-exclude">
          {unresolved > 0 && (
            <button
              type="button"
              className="chip chip--comments"
              aria-label={t.plural('comments.open', unresolved)}
              title={t.plural('comments.open', unresolved)}
              onClick={() => openComments(targetId)}
            >
              <MessageSquare className="icon" size={13} aria-hidden="true" /> {unresolved}
            </button>
          )}
          {vote?.open && (
            <span className="dots" role="group" aria-label={t.plural('vote.count', vote.dots)}>
              {canVote && (
                <button
                  type="button"
                  className="dots__button"
                  disabled={vote.mine === 0}
                  aria-label={t('vote.remove', { text })}
                  onClick={() => removeDot(doc, vote.id, me, targetId)}
                >
                  −
                </button>
              )}
              {/* Once results show, the large count says it; the pill keeps the buttons. */}
              {!result && <span className="dots__count">● {vote.dots}</span>}
              {canVote && (
                <button
                  type="button"
                  className="dots__button"
                  disabled={vote.left === 0}
                  aria-label={t('vote.place', { text })}
                  onClick={() => placeDot(doc, vote.id, me, targetId)}
                >
                  +
                </button>
              )}
            </span>
          )}
        </div>
      )}
    </>
  );
}
