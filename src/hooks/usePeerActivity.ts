import { readActivity, type PeerActivity } from '../sync/presence';
import { useAwarenessView } from './useAwarenessView';

/** What everyone is doing (cursors, views, edited cards); changes often: use it in few places. */
export function usePeerActivity(): PeerActivity[] {
  return useAwarenessView(readActivity);
}
