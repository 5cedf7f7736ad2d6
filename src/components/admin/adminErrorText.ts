import type { Translate } from '../../i18n';
import { AdminError } from '../../sync/admin';
import { OfflineError } from '../../sync/access';

/** What to tell the administrator when the relay refused or could not be reached. */
export function adminErrorText(t: Translate, error: unknown): string {
  if (error instanceof OfflineError) return t('relay.offline');
  if (error instanceof AdminError && error.status === 429)
    return t('admin.tooMany', { minutes: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) });
  return t('admin.failed', { reason: error instanceof Error ? error.message : String(error) });
}
