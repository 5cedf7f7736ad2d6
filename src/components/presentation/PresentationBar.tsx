import { useState } from 'react';
import { X } from 'lucide-react';
import { useT } from '../../hooks/useT';
import { clampStage } from '../../model/presentation';
import type { SavedView } from '../../model/types';
import { useUiStore } from '../../store';

/** The one control left while presenting: where we are, previous / next for the presenter, leave. */
export function PresentationBar({
  stages,
  stage,
  leader,
  views = false,
  skipped = [],
}: {
  stages: readonly { id: string; name: string }[];
  stage: number;
  leader: string | null;
  /** Whether the steps are saved views rather than stages. */
  views?: boolean;
  /** Saved views left out because their journey was deleted. */
  skipped?: readonly SavedView[];
}) {
  const t = useT();
  const presenting = useUiStore((s) => s.presenting);
  const setStage = useUiStore((s) => s.setPresentStage);
  const stop = useUiStore((s) => s.stopPresentation);
  const leading = presenting === 'leading';
  // Said once, where the presentation starts: gone when dismissed or at the next step.
  const [skippedAt, setSkippedAt] = useState<number | null>(stage);
  const showSkipped = skipped.length > 0 && skippedAt === stage;
  const current = stages[stage];
  const where = current
    ? t(views ? 'presentation.viewStep' : 'presentation.step', { index: stage + 1, count: stages.length, name: current.name })
    : t(views ? 'presentation.noView' : 'presentation.noStage');
  return (
    <div className="presentation-bar" role="region" aria-label={t('presentation.label')}>
      {leading && (
        <button
          type="button"
          className="button"
          disabled={stage <= 0}
          onClick={() => setStage(clampStage(stage - 1, stages.length))}
          aria-label={t(views ? 'presentation.previousView' : 'presentation.previous')}
        >
          ‹
        </button>
      )}
      <p className="presentation-bar__step" role="status">
        {where}
        {!leading && leader && <span className="presentation-bar__leader">{t('presentation.following', { name: leader })}</span>}
      </p>
      {leading && (
        <button
          type="button"
          className="button"
          disabled={stage >= stages.length - 1}
          onClick={() => setStage(clampStage(stage + 1, stages.length))}
          aria-label={t(views ? 'presentation.nextView' : 'presentation.next')}
        >
          ›
        </button>
      )}
      <button type="button" className="button" onClick={stop}>
        {t('presentation.leave')}
      </button>
      {showSkipped && (
        <div className="presentation-bar__skipped" role="alert">
          <ul>
            {skipped.map((v) => (
              <li key={v.id}>{t('presentation.viewSkipped', { name: v.name })}</li>
            ))}
          </ul>
          <button type="button" className="icon-button" onClick={() => setSkippedAt(null)} aria-label={t('presentation.dismissSkipped')}>
            <X size={14} aria-hidden="true" />
          </button>
        </div>
      )}
    </div>
  );
}
