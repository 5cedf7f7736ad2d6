import { useT } from '../../hooks/useT';
import { OfflineError, type AccessError } from '../../sync/access';
import { MessagePage } from './MessagePage';

/** Shown when the relay refuses this browser's link to a board, or cannot be reached: says why, and what to do. */
export function AccessDenied({ error }: { error: AccessError }) {
  const t = useT();
  if (error instanceof OfflineError) return <MessagePage alert title={t('relay.offlineTitle')} body={t('relay.offline')} />;
  const expired = error.status === 403;
  return <MessagePage alert title={t(expired ? 'access.expiredTitle' : 'access.neededTitle')} body={t(expired ? 'access.expiredBody' : 'access.neededBody')} />;
}
