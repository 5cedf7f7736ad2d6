import { Trash2 } from 'lucide-react';
import { clearVoteResults, closeVote, deleteVote, revealVote } from '../../doc/commands';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useBoard } from '../../hooks/useBoard';
import { useCapabilities } from '../../hooks/useCapabilities';
import { useT } from '../../hooks/useT';
import { useWorkshop } from '../../hooks/useWorkshop';
import { rankTally, tally, type Vote } from '../../model/workshop';
import { useUiStore } from '../../store';
import { VoteProgress } from './VoteProgress';

/**
 * One vote in the panel: what it is on, the dots left, who has voted, and the ranked results
 * once they may be seen. While a vote is hidden nobody sees the tally, the facilitator
 * included; each person sees their own dots.
 */
export function VoteResults({ vote, onCards }: { vote: Vote; onCards: boolean }) {
  const t = useT();
  const { doc } = useBoardSession();
  const board = useBoard();
  const workshop = useWorkshop();
  const me = useUiStore((s) => s.identity.id);
  const { canFacilitate: facilitator, canEdit: canVote } = useCapabilities();
  const mine = workshop.dots.filter((d) => d.voteId === vote.id && d.voterId === me);
  const results = rankTally(tally(vote.hidden ? mine : workshop.dots, vote.id));
  const open = vote.status === 'open';
  const label = (id: string) =>
    (vote.target === 'touchpoints' ? board.touchpoints : board.painPoints).find((x) => x.id === id)?.text || '…';
  const listLabel = vote.hidden ? t('vote.myResults') : t('vote.results');
  return (
    <article className={`vote vote--${vote.status}`} aria-label={vote.title}>
      <h3 className="vote__title">
        {vote.title} {!open && <span className="kind-badge kind-badge--existing">{t('vote.closed')}</span>}
      </h3>
      <p className="muted">
        {t(`vote.on.${vote.target}`)}
        {open && canVote && <> · {t.plural('vote.myDots', vote.dotsPerPerson - mine.length, { total: vote.dotsPerPerson })}</>}
      </p>
      {open && <VoteProgress voteId={vote.id} />}
      {vote.hidden && <p className="muted">{t('vote.hiddenNote')}</p>}
      {results.length === 0 ? (
        (!vote.hidden || canVote) && <p className="muted">{vote.hidden ? t('vote.noDotsYours') : t('vote.noDots')}</p>
      ) : (
        <ol className="vote__results" aria-label={listLabel}>
          {results.map((r) => (
            <li key={r.targetId}>
              {!vote.hidden && <span className="vote__rank">{t('vote.rank', { rank: r.rank })}</span>}
              <span className="vote__dots" aria-hidden="true">
                {'●'.repeat(Math.min(r.count, 12))}
              </span>
              <span>{label(r.targetId)}</span> <span className="muted">({t.plural('vote.count', r.count)})</span>
            </li>
          ))}
        </ol>
      )}
      {onCards && !vote.hidden && <p className="vote__on-cards">{t('vote.onCards')}</p>}
      {facilitator && (
        <div className="vote__actions">
          {open && vote.hidden && (
            <button type="button" className="button" onClick={() => revealVote(doc, vote.id)}>
              {t('vote.reveal')}
            </button>
          )}
          {open && (
            <button type="button" className="button" onClick={() => closeVote(doc, vote.id)}>
              {t('vote.close')}
            </button>
          )}
          {!open && onCards && (
            <button type="button" className="button" onClick={() => clearVoteResults(doc, vote.id)}>
              {t('vote.clear')}
            </button>
          )}
          <button
            type="button"
            className="icon-button icon-button--danger"
            aria-label={t('vote.delete')}
            title={t('vote.delete')}
            onClick={() => deleteVote(doc, vote.id)}
          >
            <Trash2 className="icon" size={15} aria-hidden="true" />
          </button>
        </div>
      )}
    </article>
  );
}
