import { useSyncExternalStore } from 'react';
import { isValidBoardId } from '../model/ids';

export type Route = { page: 'home' } | { page: 'board'; boardId: string } | { page: 'invalid' };

const NAVIGATE_EVENT = 'parcours:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

/** Which page a path shows: `/` home, `/b/<boardId>` a board, anything else is invalid. */
export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' };
  const match = /^\/b\/([^/]+)\/?$/.exec(pathname);
  if (match && isValidBoardId(match[1])) return { page: 'board', boardId: match[1] };
  return { page: 'invalid' };
}

/** Goes to another page of the app without reloading. */
export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** The current route, updated on navigation and on the browser's back/forward. */
export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, () => window.location.pathname);
  return parseRoute(pathname);
}
