import type { Translate } from '../../../i18n';
import type { Touchpoint } from '../../../model/types';
import { useVoteResult } from '../../../hooks/useVoteResult';
import { EVALUATION_STYLE } from '../../canvas/evaluationStyle';

/** A touchpoint on the poster: colour, symbol and word, its vote result if shown, then its full text (never cut). */
export function PosterCard({ touchpoint, t }: { touchpoint: Touchpoint; t: Translate }) {
  const ev = touchpoint.evaluation ?? 'none';
  const vote = useVoteResult(touchpoint.id, 'touchpoints', touchpoint.journeyId);
  return (
    <div className={`pc pc--${ev}`}>
      <div className="pc__head">
        <span className="pc__icon">{EVALUATION_STYLE[ev].icon}</span>
        <span className="pc__word">{t(EVALUATION_STYLE[ev].label)}</span>
        {touchpoint.momentOfTruth && <span className="pc__mot">★ {t('poster.momentOfTruth')}</span>}
        {vote && (
          <span className="pc__vote">
            {t('vote.rank', { rank: vote.rank })} · {t.plural('vote.count', vote.count)}
          </span>
        )}
      </div>
      <p className="pc__text">{touchpoint.text}</p>
    </div>
  );
}
