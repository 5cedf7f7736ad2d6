import type { Translate } from '../../i18n';
import { OfflineError } from '../../sync/access';

/** Messages that say an action needing the relay failed, with its `{reason}`. */
type FailureKey =
  | 'share.failed'
  | 'versions.failed'
  | 'versions.saveFailed'
  | 'versions.openFailed'
  | 'home.createFailed'
  | 'importBoard.failed'
  | 'massDeletion.failed';

/**
 * What to tell a person when an action that needs the relay failed: that they are offline
 * and can try again once connected (not a browser's « Failed to fetch »), or why the relay refused.
 */
export function relayErrorText(t: Translate, error: unknown, key: FailureKey): string {
  if (error instanceof OfflineError) return t('relay.offline');
  return t(key, { reason: error instanceof Error ? error.message : String(error) });
}
