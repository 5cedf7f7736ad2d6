import { Play } from 'lucide-react';
import { useT } from '../../hooks/useT';
import { useUiStore } from '../../store';
import { ViewsButton } from '../views/ViewsButton';

/** The toolbar's « Présenter »: the journey full screen, stage by stage; and, beside it, the saved views. */
export function PresentButton() {
  const t = useT();
  const start = useUiStore((s) => s.startPresentation);
  return (
    <>
      <button type="button" className="button" title={t('presentation.startHint')} onClick={() => start('leading')}>
        <Play className="icon" size={14} aria-hidden="true" /> {t('presentation.start')}
      </button>
      <ViewsButton />
    </>
  );
}
