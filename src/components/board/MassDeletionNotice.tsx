import { TriangleAlert } from 'lucide-react';
import { useCapabilities } from '../../hooks/useCapabilities';
import { useMassDeletion, type RestoreOutcome } from '../../hooks/useMassDeletion';
import { useT } from '../../hooks/useT';
import type { Translate } from '../../i18n';
import { relayErrorText } from '../ui/relayErrorText';
import './massDeletion.css';

/** The facilitator's warning when others delete many touchpoints at once, with a one-click restore. */
export function MassDeletionNotice() {
  const { canFacilitate } = useCapabilities();
  return canFacilitate ? <FacilitatorNotice /> : null;
}

function outcomeText(t: Translate, outcome: RestoreOutcome): string {
  if (outcome.kind === 'restoring') return t('massDeletion.restoring');
  if (outcome.kind === 'failed') return relayErrorText(t, outcome.error, 'massDeletion.failed');
  if (outcome.restored === 0) return t('massDeletion.nothing');
  const done = t.plural('massDeletion.restored', outcome.restored);
  if (outcome.missing === 0) return done;
  return `${done} ${t.plural('massDeletion.missing', outcome.missing)}`;
}

function FacilitatorNotice() {
  const t = useT();
  const { burst, who, outcome, restore, dismiss } = useMassDeletion();
  const close = (
    <button
      type="button"
      className="icon-button"
      aria-label={t('massDeletion.dismiss')}
      title={t('massDeletion.dismiss')}
      onClick={dismiss}
    >
      ✕
    </button>
  );
  if (outcome && (outcome.kind === 'restoring' || !burst)) {
    return (
      <div className={`banner mass-deletion mass-deletion--${outcome.kind}`} role={outcome.kind === 'failed' ? 'alert' : 'status'}>
        <span className="mass-deletion__text">{outcomeText(t, outcome)}</span>
        {outcome.kind !== 'restoring' && close}
      </div>
    );
  }
  if (!burst) return null;
  const count = burst.ids.length;
  return (
    <div className="banner mass-deletion mass-deletion--warning" role="alert">
      <span className="mass-deletion__text">
        <TriangleAlert className="icon" size={15} aria-hidden="true" />{' '}
        {who.length > 0 ? t.plural('massDeletion.byName', count, { name: who.join(', ') }) : t.plural('massDeletion.byOthers', count)}
      </span>
      {/* A failed restore keeps the warning and its button, so it can be tried again. */}
      {outcome?.kind === 'failed' && <span className="mass-deletion__text">{outcomeText(t, outcome)}</span>}
      <button type="button" className="button button--primary" title={t('massDeletion.restoreHint')} onClick={restore}>
        {t('massDeletion.restore')}
      </button>
      {close}
    </div>
  );
}
