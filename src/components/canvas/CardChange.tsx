import type { Translate } from '../../i18n';
import { useT } from '../../hooks/useT';
import { hasChange, type TouchpointChange } from '../../model/compare';
import { EVALUATION_STYLE } from './evaluationStyle';

/**
 * In compare mode, what changed on a card: a tag per kind of change on its top edge (a card
 * rewritten and re-evaluated carries both), and under its text what it said and how it was
 * rated in the compared journey.
 */
export function CardChange({ change }: { change: TouchpointChange }) {
  const t = useT();
  const before = change.before;
  const reworded = !!before && hasChange(change, 'reworded');
  const reevaluated = !!before && hasChange(change, 'reevaluated');
  const was = EVALUATION_STYLE[before?.evaluation ?? 'none'];
  return (
    <>
      <span className="touchpoint__changes">
        {change.kinds.map((k) => (
          <span key={k} className={`change-badge change-badge--${k}`}>
            {t(`compare.${k}`)}
          </span>
        ))}
      </span>
      {before && (reworded || reevaluated) && (
        <p className="touchpoint__before" title={reworded ? before.text : undefined}>
          {t('compare.before', {
            what: [reevaluated ? `${was.icon} ${t(was.label)}` : '', reworded ? t('compare.quoted', { text: before.text }) : '']
              .filter(Boolean)
              .join(' · '),
          })}
        </p>
      )}
    </>
  );
}

/** The words of a change for a card's accessible name: each kind, and what the card was and said before. */
export function changeWords(change: TouchpointChange, t: Translate): string[] {
  const before = change.before;
  const words = change.kinds.map((k) => t(`compare.${k}`));
  if (before && hasChange(change, 'reevaluated'))
    words.push(t('compare.wasEvaluation', { evaluation: t(EVALUATION_STYLE[before.evaluation ?? 'none'].label) }));
  if (before && hasChange(change, 'reworded')) words.push(t('compare.wasText', { text: before.text }));
  return words;
}
