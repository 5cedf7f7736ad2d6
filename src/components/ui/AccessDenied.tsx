import { useT } from '../../hooks/useT';
import type { MessageKey } from '../../i18n';
import { REFUSAL_EXPIRED, REFUSAL_REVOKED } from '../../model/relayProtocol';
import { OfflineError, type AccessError } from '../../sync/access';
import { MessagePage } from './MessagePage';

/** The title and text that say why a board did not open, and what to do about it. */
function refusalText(error: AccessError): [MessageKey, MessageKey] {
  if (error instanceof OfflineError) return ['relay.offlineTitle', 'relay.offline'];
  if (error.status === 404) return ['access.unknownTitle', 'access.unknownBody'];
  if (error.status === 403 && error.message === REFUSAL_REVOKED) return ['access.revokedTitle', 'access.revokedBody'];
  if (error.status === 403 && error.message === REFUSAL_EXPIRED) return ['access.expiredLinkTitle', 'access.expiredLinkBody'];
  if (error.status === 403) return ['access.expiredTitle', 'access.expiredBody'];
  return ['access.neededTitle', 'access.neededBody'];
}

/**
 * Shown when a board does not open here: the relay has never seen it (a mistyped link), refuses
 * this browser's link (none, revoked, expired, another board's), or cannot be reached.
 */
export function AccessDenied({ error }: { error: AccessError }) {
  const t = useT();
  const [title, body] = refusalText(error);
  return <MessagePage alert title={t(title)} body={t(body)} />;
}
