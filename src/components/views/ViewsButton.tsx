import { GalleryHorizontalEnd } from 'lucide-react';
import { useState } from 'react';
import { useCapabilities } from '../../hooks/useCapabilities';
import { useT } from '../../hooks/useT';
import { ViewsDialog } from './ViewsDialog';
import './views.css';

/** The toolbar's « Vues »: the saved views a facilitator prepares and presents. */
export function ViewsButton() {
  const t = useT();
  const { canFacilitate } = useCapabilities();
  const [open, setOpen] = useState(false);
  if (!canFacilitate) return null;
  return (
    <>
      {/* An icon only: the toolbar holds every tool on one line down to a 1280-pixel screen. */}
      <button
        type="button"
        className="icon-button"
        aria-label={t('views.button')}
        title={`${t('views.button')} — ${t('views.buttonHint')}`}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        <GalleryHorizontalEnd className="icon" size={16} aria-hidden="true" />
      </button>
      {open && <ViewsDialog onClose={() => setOpen(false)} />}
    </>
  );
}
