import { useCapabilities } from '../../hooks/useCapabilities';
import { useCurrentJourney } from '../../hooks/useCurrentJourney';
import { useT } from '../../hooks/useT';
import { useWorkshop } from '../../hooks/useWorkshop';
import { shownVote } from '../../model/workshop';
import { VoteForm } from './VoteForm';
import { VoteResults } from './VoteResults';
import './workshop.css';

/** Dot voting: the facilitator opens, reveals and closes votes; everyone sees their dots left and the results. */
export function WorkshopPanel() {
  const t = useT();
  const journey = useCurrentJourney();
  const workshop = useWorkshop();
  const { canFacilitate: facilitator } = useCapabilities();
  const votes = workshop.votes.filter((v) => v.journeyId === journey?.id).reverse();
  const hasOpen = votes.some((v) => v.status === 'open');
  const onCards = journey ? shownVote(workshop.votes, journey.id) : null;
  return (
    <section className="panel-section" aria-labelledby="vote-title">
      <h2 id="vote-title" className="panel-title">
        {t('vote.title')}
      </h2>
      {facilitator && journey && !hasOpen && <VoteForm journeyId={journey.id} />}
      {votes.length === 0 && <p className="muted">{t('vote.none')}</p>}
      {votes.map((v) => (
        <VoteResults key={v.id} vote={v} onCards={onCards?.id === v.id} />
      ))}
    </section>
  );
}
