import type { Translate } from '../../../i18n';
import { EVALUATIONS } from '../../../model/types';
import { EVALUATION_STYLE } from '../../canvas/evaluationStyle';

/** The key to the poster: colour AND symbol AND word, moments of truth, severity, emotion scale. */
export function PosterLegend({ t, severity, emotions }: { t: Translate; severity: boolean; emotions: boolean }) {
  return (
    <div className="p-legend">
      <span className="p-legend__title">{t('poster.legend')}</span>
      {[...EVALUATIONS, 'none' as const].map((ev) => (
        <span key={ev} className={`p-legend__item pc--${ev}`} data-legend={ev}>
          <span className="pc__icon p-legend__swatch">{EVALUATION_STYLE[ev].icon}</span>
          {t(EVALUATION_STYLE[ev].label)}
        </span>
      ))}
      <span className="p-legend__item">
        <span className="pc__mot">★</span> {t('poster.momentOfTruth')}
      </span>
      {severity && (
        <span className="p-legend__item">
          {t('poster.severity')} :{' '}
          {([1, 2, 3] as const).map((s) => (
            <span key={s} className="p-legend__sev">
              <Severity level={s} /> {t(`poster.severity.${s}`)}
            </span>
          ))}
        </span>
      )}
      {emotions && (
        <span className="p-legend__item">
          <svg className="p-legend__curve" viewBox="0 0 34 16" aria-hidden="true">
            <path d="M 2 12 C 10 12, 12 3, 18 3 S 26 10, 32 6" />
          </svg>
          {t('poster.emotionScale')}
        </span>
      )}
    </div>
  );
}

/** Severity as filled and empty dots (● ● ○), readable in black and white. */
export function Severity({ level }: { level: 1 | 2 | 3 }) {
  return (
    <span className={`p-sev p-sev--${level}`}>
      {'●'.repeat(level)}
      {'○'.repeat(3 - level)}
    </span>
  );
}
