/** Wiring a board document to the relay, and the connection status people see. */
import type * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { Awareness } from 'y-protocols/awareness';

export type ConnectionStatus = 'connected' | 'reconnecting' | 'offline';

export interface ConnectionState {
  status: ConnectionStatus;
  /** True once the board has been received from the relay at least once. */
  synced: boolean;
  /** True once the copy kept in this browser (IndexedDB) has been loaded, or there is none. */
  localLoaded: boolean;
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

export interface ConnectOptions {
  /** Extra query parameters for the relay (the share-link token). */
  params?: Record<string, string>;
  /** Keep a copy of the board in this browser's IndexedDB (offline editing, offline reload). */
  offline?: boolean;
}

/** Connects `doc` to the board `boardId` on the relay at `url` and tracks the connection. */
export function connectBoard(doc: Y.Doc, boardId: string, url: string, options: ConnectOptions = {}): BoardConnection {
  // The local copy loads first: an offline reload shows the last known board.
  const local = options.offline && typeof indexedDB !== 'undefined' ? new IndexeddbPersistence(`parcours-board-${boardId}`, doc) : null;
  const provider = new WebsocketProvider(url, boardId, doc, { maxBackoffTime: 4000, params: options.params ?? {} });
  let state: ConnectionState = { status: 'reconnecting', synced: false, localLoaded: local === null };
  const listeners = new Set<() => void>();
  const update = (patch: Partial<ConnectionState>) => {
    const next = { ...state, ...patch };
    if (next.status === state.status && next.synced === state.synced && next.localLoaded === state.localLoaded) return;
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
  void local?.whenSynced.then(() => update({ localLoaded: true }));
  // When the browser says the network is gone, stop using the socket at once (it may linger
  // half-open for a long time) and edit locally; reconnect as soon as the network is back.
  const onNetwork = () => {
    if (isBrowserOffline()) provider.disconnect();
    else if (!provider.shouldConnect) provider.connect();
    refresh();
  };
  if (typeof window !== 'undefined') {
    window.addEventListener('online', onNetwork);
    window.addEventListener('offline', onNetwork);
  }
  // Opened while offline (a reload without network): say so from the start.
  if (isBrowserOffline()) onNetwork();
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
      void local?.destroy();
    },
  };
}

/** A connection to nothing: for a document shown on its own (a saved version, read-only). */
export function detachedConnection(doc: Y.Doc): BoardConnection {
  const awareness = new Awareness(doc);
  const state: ConnectionState = { status: 'connected', synced: true, localLoaded: true };
  return { awareness, subscribe: () => () => {}, getState: () => state, destroy: () => awareness.destroy() };
}
