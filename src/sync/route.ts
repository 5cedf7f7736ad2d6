/** The app's pages and the address that names them: parsing, navigating without a reload. */
import { isValidBoardId } from '../model/ids';

export type Route =
  | { page: 'home' }
  | { page: 'board'; boardId: string }
  | { page: 'version'; boardId: string; versionId: string }
  | { page: 'admin' }
  | { page: 'invalid' };

const NAVIGATE_EVENT = 'parcours:navigate';

/** Calls `onChange` whenever the address changes (navigate, back/forward). Returns the unsubscribe. */
export function subscribeToAddress(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

/** Which page a path shows: `/` home, `/b/<boardId>` a board, `/admin` the relay's administration, anything else is invalid. */
export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' };
  if (pathname === '/admin' || pathname === '/admin/') return { page: 'admin' };
  const match = /^\/b\/([^/]+)\/?$/.exec(pathname);
  if (match && isValidBoardId(match[1])) return { page: 'board', boardId: match[1] };
  const version = /^\/b\/([^/]+)\/v\/([A-Za-z0-9_-]{1,64})\/?$/.exec(pathname);
  if (version && isValidBoardId(version[1]) && version[2]) return { page: 'version', boardId: version[1], versionId: version[2] };
  return { page: 'invalid' };
}

/** Goes to another page of the app without reloading (`replace` keeps no history entry). */
export function navigate(path: string, replace = false): void {
  if (replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** Opens a journey of the current board, recording it in the address. */
export function openJourney(journeyId: string, replace = false): void {
  const url = new URL(window.location.href);
  url.searchParams.set('j', journeyId);
  navigate(`${url.pathname}${url.search}`, replace);
}
