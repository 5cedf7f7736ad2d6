/** Wiring a board document to the relay, and the connection status people see. */
import type * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';

export type ConnectionStatus = 'connected' | 'reconnecting' | 'offline';

export interface ConnectionState {
  status: ConnectionStatus;
  /** True once the board has been received from the relay at least once. */
  synced: boolean;
}

export interface BoardConnection {
  awareness: Awareness;
  subscribe(onChange: () => void): () => void;
  getState(): ConnectionState;
  destroy(): void;
}

/** The relay's websocket base URL for a page served at `location`. */
export function relayUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/sync`;
}

function isBrowserOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/** Connects `doc` to the board `boardId` on the relay at `url` and tracks the connection. */
export function connectBoard(doc: Y.Doc, boardId: string, url: string): BoardConnection {
  const provider = new WebsocketProvider(url, boardId, doc, { maxBackoffTime: 4000 });
  let state: ConnectionState = { status: 'reconnecting', synced: false };
  const listeners = new Set<() => void>();
  const update = (patch: Partial<ConnectionState>) => {
    const next = { ...state, ...patch };
    if (next.status === state.status && next.synced === state.synced) return;
    state = next;
    for (const l of listeners) l();
  };
  const refresh = () => {
    if (provider.wsconnected) update({ status: 'connected' });
    else update({ status: isBrowserOffline() ? 'offline' : 'reconnecting' });
  };
  provider.on('status', refresh);
  provider.on('sync', (isSynced: boolean) => {
    if (isSynced) update({ synced: true });
  });
  const onNetwork = () => refresh();
  if (typeof window !== 'undefined') {
    window.addEventListener('online', onNetwork);
    window.addEventListener('offline', onNetwork);
  }
  return {
    awareness: provider.awareness,
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    getState: () => state,
    destroy() {
      if (typeof window !== 'undefined') {
        window.removeEventListener('online', onNetwork);
        window.removeEventListener('offline', onNetwork);
      }
      listeners.clear();
      provider.destroy();
    },
  };
}
