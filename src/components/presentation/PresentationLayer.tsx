import { usePresentation } from '../../hooks/usePresentation';
import { usePresentationLead } from '../../hooks/usePresentationLead';
import { useT } from '../../hooks/useT';
import { useUiStore } from '../../store';
import { PresentationBar } from './PresentationBar';
import './presentation.css';

/** Presentation mode over the canvas: its bar while presenting, and the offer to follow a facilitator who presents. */
export function PresentationLayer() {
  const t = useT();
  const { stages, stage } = usePresentation();
  const lead = usePresentationLead();
  const presenting = useUiStore((s) => s.presenting);
  const start = useUiStore((s) => s.startPresentation);
  if (presenting) return <PresentationBar stages={stages} stage={stage} leader={lead?.name ?? null} />;
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
