import { useSyncExternalStore } from 'react';
import { subscribeToAddress } from '../sync/route';

/** The journey named in the address (`?j=<id>`), or null. */
export function useJourneyParam(): string | null {
  const search = useSyncExternalStore(subscribeToAddress, () => window.location.search);
  const id = new URLSearchParams(search).get('j');
  return id && /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : null;
}
