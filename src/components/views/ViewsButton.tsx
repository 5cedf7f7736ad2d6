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
      <button type="button" className="button" title={t('views.buttonHint')} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('views.button')}
      </button>
      {open && <ViewsDialog onClose={() => setOpen(false)} />}
    </>
  );
}
