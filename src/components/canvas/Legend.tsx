import { useT } from '../../hooks/useT';
import { EVALUATIONS } from '../../model/types';
import { EVALUATION_STYLE } from './evaluationStyle';

/** The colour code, with its symbols and words. */
export function Legend() {
  const t = useT();
  return (
    <ul className="legend" aria-label={t('legend.title')}>
      {EVALUATIONS.map((ev) => (
        <li key={ev} className={`legend__item legend__item--${ev}`}>
          <span className="legend__swatch" aria-hidden="true">
            {EVALUATION_STYLE[ev].icon}
          </span>
          {t(EVALUATION_STYLE[ev].label)}
        </li>
      ))}
    </ul>
  );
}
