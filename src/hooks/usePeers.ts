import { readPeers, type Peer } from '../sync/presence';
import { useAwarenessView } from './useAwarenessView';

/** Everyone on the board right now, with name, colour and role (this client first). */
export function usePeers(): Peer[] {
  return useAwarenessView(readPeers);
}
