import { useSyncExternalStore } from 'react';
import { parseRoute, subscribeToAddress, type Route } from '../sync/route';

/** The current route, updated on navigation and on the browser's back/forward. */
export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribeToAddress, () => window.location.pathname);
  return parseRoute(pathname);
}
