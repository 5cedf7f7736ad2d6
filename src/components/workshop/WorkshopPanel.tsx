import { useState } from 'react';
import { closeVote, deleteVote, openVote, revealVote } from '../../doc/commands';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useBoard } from '../../hooks/useBoard';
import { useCapabilities } from '../../hooks/useCapabilities';
import { useCurrentJourney } from '../../hooks/useCurrentJourney';
import { useT } from '../../hooks/useT';
import { useWorkshop } from '../../hooks/useWorkshop';
import { MAX_DOTS_PER_PERSON, tally, type Vote, type VoteTarget } from '../../model/workshop';
import { useUiStore } from '../../store';

/** Dot voting: the facilitator opens, reveals and closes votes; everyone sees their dots left and the results. */
export function WorkshopPanel() {
  const t = useT();
  const { doc } = useBoardSession();
  const journey = useCurrentJourney();
  const workshop = useWorkshop();
  const [title, setTitle] = useState(() => t('vote.defaultName'));
  const [target, setTarget] = useState<VoteTarget>('painPoints');
  const [dots, setDots] = useState(3);
  const [hidden, setHidden] = useState(true);
  const { canFacilitate: facilitator } = useCapabilities();
  const votes = workshop.votes.filter((v) => v.journeyId === journey?.id).reverse();
  const hasOpen = votes.some((v) => v.status === 'open');
  return (
    <section className="panel-section" aria-labelledby="vote-title">
      <h2 id="vote-title" className="panel-title">
        {t('vote.title')}
      </h2>
      {facilitator && journey && !hasOpen && (
        <form
          className="vote-form"
          onSubmit={(e) => {
            e.preventDefault();
            openVote(doc, { title: title || t('vote.defaultName'), target, journeyId: journey.id, dotsPerPerson: dots, hidden });
          }}
        >
          <label className="field">
            <span>{t('vote.name')}</span>
            <input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('vote.on')}</span>
            <select value={target} onChange={(e) => setTarget(e.target.value as VoteTarget)}>
              <option value="painPoints">{t('vote.on.painPoints')}</option>
              <option value="touchpoints">{t('vote.on.touchpoints')}</option>
            </select>
          </label>
          <label className="field">
            <span>{t('vote.dots')}</span>
            <input type="number" min={1} max={MAX_DOTS_PER_PERSON} value={dots} onChange={(e) => setDots(Number(e.target.value) || 1)} />
          </label>
          <label className="radio">
            <input type="checkbox" checked={hidden} onChange={(e) => setHidden(e.target.checked)} /> {t('vote.hidden')}
          </label>
          <button type="submit" className="button button--primary">
            {t('vote.start')}
          </button>
        </form>
      )}
      {votes.length === 0 && <p className="muted">{t('vote.none')}</p>}
      {votes.map((v) => (
        <VoteResults key={v.id} vote={v} />
      ))}
    </section>
  );
}

function VoteResults({ vote }: { vote: Vote }) {
  const t = useT();
  const { doc } = useBoardSession();
  const board = useBoard();
  const workshop = useWorkshop();
  const me = useUiStore((s) => s.identity.id);
  const { canFacilitate: facilitator } = useCapabilities();
  const mine = workshop.dots.filter((d) => d.voteId === vote.id && d.voterId === me).length;
  const visible = vote.hidden ? workshop.dots.filter((d) => d.voterId === me) : workshop.dots;
  const results = tally(visible, vote.id);
  const label = (id: string) =>
    (vote.target === 'touchpoints' ? board.touchpoints.find((x) => x.id === id)?.text : board.painPoints.find((x) => x.id === id)?.text) || '…';
  return (
    <article className={`vote vote--${vote.status}`} aria-label={vote.title}>
      <h3 className="vote__title">
        {vote.title} {vote.status === 'closed' && <span className="kind-badge kind-badge--existing">{t('vote.closed')}</span>}
      </h3>
      <p className="muted">
        {t(`vote.on.${vote.target}`)} ·{' '}
        {vote.status === 'open' ? t.plural('vote.myDots', vote.dotsPerPerson - mine, { total: vote.dotsPerPerson }) : t('vote.results')}
      </p>
      {vote.hidden && <p className="muted">{t('vote.hiddenNote')}</p>}
      {results.length === 0 ? (
        <p className="muted">{t('vote.noDots')}</p>
      ) : (
        <ol className="vote__results" aria-label={t('vote.results')}>
          {results.map((r) => (
            <li key={r.targetId}>
              <span className="vote__dots" aria-hidden="true">
                {'●'.repeat(Math.min(r.count, 12))}
              </span>
              <span>{label(r.targetId)}</span> <span className="muted">({t.plural('vote.count', r.count)})</span>
            </li>
          ))}
        </ol>
      )}
      {facilitator && (
        <div className="vote__actions">
          {vote.status === 'open' && vote.hidden && (
            <button type="button" className="button" onClick={() => revealVote(doc, vote.id)}>
              {t('vote.reveal')}
            </button>
          )}
          {vote.status === 'open' && (
            <button type="button" className="button" onClick={() => closeVote(doc, vote.id)}>
              {t('vote.close')}
            </button>
          )}
          <button type="button" className="icon-button icon-button--danger" aria-label={t('vote.delete')} title={t('vote.delete')} onClick={() => deleteVote(doc, vote.id)}>
            🗑
          </button>
        </div>
      )}
    </article>
  );
}
