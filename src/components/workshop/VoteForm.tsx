import { useState } from 'react';
import { openVote } from '../../doc/commands';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useT } from '../../hooks/useT';
import { TEXT_LIMITS } from '../../model/limits';
import { MAX_DOTS_PER_PERSON, type VoteTarget } from '../../model/workshop';

/** The facilitator's form to open a dot vote on the touchpoints or the pain points of a journey. */
export function VoteForm({ journeyId }: { journeyId: string }) {
  const t = useT();
  const { doc } = useBoardSession();
  const [target, setTarget] = useState<VoteTarget>('painPoints');
  // Until the facilitator writes their own, the question follows what is voted on.
  const [ownTitle, setOwnTitle] = useState<string | null>(null);
  const [dots, setDots] = useState(3);
  const [hidden, setHidden] = useState(true);
  const defaultTitle = t(`vote.defaultName.${target}`);
  const title = ownTitle ?? defaultTitle;
  return (
    <form
      className="vote-form"
      onSubmit={(e) => {
        e.preventDefault();
        openVote(doc, { title: title.trim() || defaultTitle, target, journeyId, dotsPerPerson: dots, hidden });
        setOwnTitle(null);
      }}
    >
      <label className="field">
        <span>{t('vote.on')}</span>
        <select value={target} onChange={(e) => setTarget(e.target.value as VoteTarget)}>
          <option value="painPoints">{t('vote.on.painPoints')}</option>
          <option value="touchpoints">{t('vote.on.touchpoints')}</option>
        </select>
      </label>
      <label className="field">
        <span>{t('vote.name')}</span>
        <input value={title} maxLength={TEXT_LIMITS.voteTitle} onChange={(e) => setOwnTitle(e.target.value)} />
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
  );
}
