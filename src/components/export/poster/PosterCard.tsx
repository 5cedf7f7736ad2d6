import type { Translate } from '../../../i18n';
import type { Touchpoint } from '../../../model/types';
import { EVALUATION_STYLE } from '../../canvas/evaluationStyle';

/** A touchpoint on the poster: colour, symbol and word, then its full text (never cut). */
export function PosterCard({ touchpoint, t }: { touchpoint: Touchpoint; t: Translate }) {
  const ev = touchpoint.evaluation ?? 'none';
  return (
    <div className={`pc pc--${ev}`}>
      <div className="pc__head">
        <span className="pc__icon">{EVALUATION_STYLE[ev].icon}</span>
        <span className="pc__word">{t(EVALUATION_STYLE[ev].label)}</span>
        {touchpoint.momentOfTruth && <span className="pc__mot">★ {t('poster.momentOfTruth')}</span>}
      </div>
      <p className="pc__text">{touchpoint.text}</p>
    </div>
  );
}
