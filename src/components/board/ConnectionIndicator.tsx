import { useConnection } from '../../hooks/useConnection';
import { useT } from '../../hooks/useT';

const ICONS = { connected: '●', reconnecting: '◌', offline: '○', storageUnavailable: '◌' } as const;

/** Connected / reconnecting / offline, announced politely to screen readers. */
export function ConnectionIndicator() {
  const t = useT();
  const { status } = useConnection();
  const label = t(`connection.${status}`);
  return (
    <span className={`connection connection--${status}`} role="status" aria-label={t('connection.label', { status: label })}>
      <span aria-hidden="true">{ICONS[status]}</span> {label}
    </span>
  );
}
