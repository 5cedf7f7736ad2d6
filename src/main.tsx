import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { App } from './components/board/App';
import { LINK_TOKEN_PARAM, prefetchAccess } from './sync/access';
import { registerAppShell } from './sync/appShell';
import { parseRoute } from './sync/route';

const route = parseRoute(location.pathname);
// A board's access is asked at once, while its page's code still comes (src/sync/access.ts).
if (route.page === 'board') prefetchAccess(route.boardId, new URL(location.href).searchParams.get(LINK_TOKEN_PARAM));

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The service worker keeps the app available offline (boards themselves live in IndexedDB); it
// waits for a board being opened to be there first (src/sync/appShell.ts).
if (import.meta.env.PROD) registerAppShell(route.page === 'board');
