import { useT } from '../../hooks/useT';
import { clampStage } from '../../model/presentation';
import { useUiStore } from '../../store';

/** The one control left while presenting: where we are, previous / next for the presenter, leave. */
export function PresentationBar({
  stages,
  stage,
  leader,
}: {
  stages: readonly { id: string; name: string }[];
  stage: number;
  leader: string | null;
}) {
  const t = useT();
  const presenting = useUiStore((s) => s.presenting);
  const setStage = useUiStore((s) => s.setPresentStage);
  const stop = useUiStore((s) => s.stopPresentation);
  const leading = presenting === 'leading';
  const current = stages[stage];
  return (
    <div className="presentation-bar" role="region" aria-label={t('presentation.label')}>
      {leading && (
        <button
          type="button"
          className="button"
          disabled={stage <= 0}
          onClick={() => setStage(clampStage(stage - 1, stages.length))}
          aria-label={t('presentation.previous')}
        >
          ‹
        </button>
      )}
      <p className="presentation-bar__step" role="status">
        {current ? t('presentation.step', { index: stage + 1, count: stages.length, name: current.name }) : t('presentation.noStage')}
        {!leading && leader && <span className="presentation-bar__leader">{t('presentation.following', { name: leader })}</span>}
      </p>
      {leading && (
        <button
          type="button"
          className="button"
          disabled={stage >= stages.length - 1}
          onClick={() => setStage(clampStage(stage + 1, stages.length))}
          aria-label={t('presentation.next')}
        >
          ›
        </button>
      )}
      <button type="button" className="button" onClick={stop}>
        {t('presentation.leave')}
      </button>
    </div>
  );
}
