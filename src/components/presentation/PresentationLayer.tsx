import { usePresentation } from '../../hooks/usePresentation';
import { usePresentationLead } from '../../hooks/usePresentationLead';
import { useT } from '../../hooks/useT';
import { useUiStore } from '../../store';
import { LaserPointer } from './LaserPointer';
import { PresentationBar } from './PresentationBar';
import { StageSpotlight } from './StageSpotlight';
import './presentation.css';

/**
 * Presentation mode over the canvas: its bar, the stage brought forward and the presenter's laser
 * pointer while presenting; otherwise the offer to follow a facilitator who presents.
 */
export function PresentationLayer() {
  const t = useT();
  const { stages, stage, views, skipped } = usePresentation();
  const lead = usePresentationLead();
  const presenting = useUiStore((s) => s.presenting);
  const start = useUiStore((s) => s.startPresentation);
  if (presenting) {
    const stageId = views ? undefined : stages[stage]?.id;
    return (
      <>
        {stageId && <StageSpotlight stageId={stageId} />}
        {presenting === 'following' && lead && <LaserPointer clientId={lead.clientId} />}
        <PresentationBar stages={stages} stage={stage} leader={lead?.name ?? null} views={views} skipped={skipped} />
      </>
    );
  }
  if (!lead) return null;
  return (
    <div className="presentation-offer" role="status">
      <span>{t('presentation.offer', { name: lead.name })}</span>
      <button type="button" className="button button--primary" onClick={() => start('following')}>
        {t('presentation.join')}
      </button>
    </div>
  );
}
