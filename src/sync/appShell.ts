/**
 * When the service worker (public/sw.js) is registered. Installing it downloads every file of the
 * build (about 2 MB, the PDF report's library and font included) to keep the app available
 * offline. Started while a board opens, those downloads share the network and the relay with the
 * board's websocket handshake and first sync, and delayed them by a tenth of a second. So a page
 * opened on a board registers it once that board has had its first sync (or after a while, if
 * it cannot: offline, refused), and every page once it has loaded and the browser is idle.
 */

/** Longest wait for the board's first sync: a board that never syncs does not keep the app from being installed. */
const MAX_WAIT_MS = 10_000;

let waiting: (() => void) | null = null;

/** Said by a board's connection when its first sync is done, or when it ended without one. */
export function boardSettled(): void {
  const release = waiting;
  waiting = null;
  release?.();
}

/**
 * Registers the service worker once the page has loaded and, when `afterBoard`, once
 * boardSettled() was said (see above), at an idle moment.
 */
export function registerAppShell(afterBoard: boolean): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const loaded = new Promise<void>((resolve) => {
    if (document.readyState === 'complete') resolve();
    else window.addEventListener('load', () => resolve(), { once: true });
  });
  const settled = afterBoard
    ? new Promise<void>((resolve) => {
        waiting = resolve;
        setTimeout(resolve, MAX_WAIT_MS);
      })
    : Promise.resolve();
  void Promise.all([loaded, settled]).then(() => {
    const register = () => {
      navigator.serviceWorker.register('/sw.js').catch(() => {
        // Without it the app still works online; only reloading while offline is lost.
      });
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(register, { timeout: 2000 });
    else setTimeout(register, 0);
  });
}
