import { placeDot, removeDot } from '../../doc/commands';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useCapabilities } from '../../hooks/useCapabilities';
import { useT } from '../../hooks/useT';
import { useCardWorkshop } from '../../hooks/useCardWorkshop';
import { useUiStore } from '../../store';

export interface CardWorkshopBadgesProps {
  targetId: string;
  kind: 'touchpoints' | 'painPoints';
  journeyId: string;
  text: string;
}

/** On a card: its unresolved comments, and during a dot vote its dots with buttons to give or take one back. */
export function CardWorkshopBadges({ targetId, kind, journeyId, text }: CardWorkshopBadgesProps) {
  const t = useT();
  const { doc } = useBoardSession();
  const { canEdit: canVote } = useCapabilities();
  const me = useUiStore((s) => s.identity.id);
  const openComments = useUiStore((s) => s.openComments);
  const w = useCardWorkshop(targetId, kind, journeyId, me);
  const shown = w.hidden ? w.mine : w.dots;
  if (!w.voteId && w.unresolved === 0) return null;
  return (
    <div className="card-badges nodrag export-exclude">
      {w.unresolved > 0 && (
        <button type="button" className="chip chip--comments" aria-label={t.plural('comments.open', w.unresolved)} title={t.plural('comments.open', w.unresolved)} onClick={() => openComments(targetId)}>
          💬 {w.unresolved}
        </button>
      )}
      {w.voteId && (
        <span className="dots" role="group" aria-label={t.plural('vote.count', shown)}>
          {canVote && (
            <button type="button" className="dots__button" disabled={w.mine === 0} aria-label={t('vote.remove', { text })} onClick={() => removeDot(doc, w.voteId as string, me, targetId)}>
              −
            </button>
          )}
          <span className="dots__count">● {shown}</span>
          {canVote && (
            <button type="button" className="dots__button" aria-label={t('vote.place', { text })} onClick={() => placeDot(doc, w.voteId as string, me, targetId)}>
              +
            </button>
          )}
        </span>
      )}
    </div>
  );
}
