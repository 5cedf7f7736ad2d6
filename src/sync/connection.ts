/** Wiring a board document to the relay, and the connection status people see. */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence, clearDocument } from 'y-indexeddb';
import { Awareness } from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import { toBase64UrlEncoded } from 'lib0/buffer';
import { boardSettled } from './appShell';
import { MESSAGE_METRICS, publishMetrics } from './metricsBus';
import { writerKey } from './writerKey';

/**
 * The relay's close codes: it refused one of this copy's changes (4409), this copy's link
 * stopped working (4403), or it could not store (4503: the provider reconnects by itself).
 */
import {
  CLOSE_ACCESS_REVOKED,
  CLOSE_CHANGE_REFUSED,
  CLOSE_REASON_EXPIRED,
  CLOSE_STORAGE_UNAVAILABLE,
  MAX_STATE_VECTOR_PARAM_CHARS,
  NEWS_METRICS,
  NEWS_PARAM,
  STATE_VECTOR_PARAM,
  WRITER_KEY_PARAM,
} from '../model/relayProtocol';

export { CLOSE_ACCESS_REVOKED, CLOSE_CHANGE_REFUSED, CLOSE_STORAGE_UNAVAILABLE };

/** Why the relay cut this copy off for good: its links were revoked, or its link expired. */
export type AccessLoss = 'revoked' | 'expired';

/** `storageUnavailable`: the relay cannot store for now (4503); the copy keeps reconnecting and resends its edits. */
export type ConnectionStatus = 'connected' | 'reconnecting' | 'offline' | 'storageUnavailable';

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
  /** Extra query parameters for the relay (the share-link token). The writer key is always added. */
  params?: Record<string, string>;
  /** Keep a copy of the board in this browser's IndexedDB (offline editing, offline reload). */
  offline?: boolean;
  /** A read-only copy (a viewer's): any change made here is a divergence, reported as refused. */
  readOnly?: boolean;
  /**
   * This copy holds a change the relay will never take: it refused one (close 4409), or a
   * read-only copy was changed. The socket stays closed; the caller reopens from the relay.
   */
  onRefused?(): void;
  /**
   * The relay closed the connection because its link stopped working (4403). The socket stays
   * closed, whatever the network does; the caller checks the access again.
   */
  onAccessLost?(why: AccessLoss): void;
}

/** The name of the IndexedDB database that keeps a board's local copy. */
function localCopyName(boardId: string): string {
  return `parcours-board-${boardId}`;
}

/**
 * Deletes this browser's local copy of a board (destroy its connection first). Resolves once
 * deleted, or after `waitMs` if another tab still holds the copy open: the deletion then
 * completes when that tab lets go, and a new local copy opened meanwhile waits for it.
 */
export async function deleteLocalCopy(boardId: string, waitMs = 2000): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    clearDocument(localCopyName(boardId)).catch(() => undefined),
    new Promise((resolve) => (timer = setTimeout(resolve, waitMs))),
  ]);
  clearTimeout(timer);
}

/** The document's state vector as the relay reads it in the address (base64url), or undefined past the cap. */
export function stateVectorParam(doc: Y.Doc): string | undefined {
  const value = toBase64UrlEncoded(Y.encodeStateVector(doc));
  return value.length <= MAX_STATE_VECTOR_PARAM_CHARS ? value : undefined;
}

/**
 * Puts the document's state vector in the address parameters (or takes it out, past the cap):
 * the relay then sends the board with its greeting, a round trip before our sync step 1.
 */
function announceStateVector(params: Record<string, string>, doc: Y.Doc): void {
  const value = stateVectorParam(doc);
  if (value === undefined) delete params[STATE_VECTOR_PARAM];
  else params[STATE_VECTOR_PARAM] = value;
}

/** Connects `doc` to the board `boardId` on the relay at `url` and tracks the connection. */
export function connectBoard(doc: Y.Doc, boardId: string, url: string, options: ConnectOptions = {}): BoardConnection {
  // The local copy loads first: an offline reload shows the last known board.
  const local =
    options.offline && !options.readOnly && typeof indexedDB !== 'undefined' ? new IndexeddbPersistence(localCopyName(boardId), doc) : null;
  // No BroadcastChannel between tabs: every change goes through the relay, which checks roles.
  // The provider builds its address from `params` at every connection: the state vector in it
  // is refreshed whenever a connection closes (see announceStateVector).
  const params: Record<string, string> = { ...options.params, [WRITER_KEY_PARAM]: writerKey(boardId), [NEWS_PARAM]: NEWS_METRICS };
  announceStateVector(params, doc);
  const provider = new WebsocketProvider(url, boardId, doc, { maxBackoffTime: 4000, disableBc: true, params });
  // The relay's own news: new KPI values (docs/protocol.md, message type 4).
  provider.messageHandlers[MESSAGE_METRICS] = (_encoder, decoder) => publishMetrics(boardId, decoding.readVarString(decoder));
  // Set once the relay refused a change: coming back online must not reconnect this copy.
  let stopped = false;
  const refuse = () => {
    if (stopped) return;
    stopped = true;
    // Not `disconnect()`: this may run inside the provider's close handling. The caller destroys it.
    provider.shouldConnect = false;
    options.onRefused?.();
  };
  // Set once the relay said this copy's link no longer works: as above, nothing reconnects it.
  let cutOff = false;
  // Set when the relay said it cannot store; cleared once a connection opens again.
  let storageDown = false;
  provider.on('connection-close', (event: CloseEvent | null) => {
    // Emitted before the provider schedules its reconnection (and by disconnect()).
    announceStateVector(provider.params, doc);
    if (event?.code === CLOSE_STORAGE_UNAVAILABLE) {
      // Nothing this copy sent since was acknowledged: the next connection's sync resends it.
      storageDown = true;
      refresh();
    } else if (event?.code === CLOSE_CHANGE_REFUSED) refuse();
    else if (event?.code === CLOSE_ACCESS_REVOKED && !cutOff && !stopped) {
      cutOff = true;
      provider.shouldConnect = false;
      options.onAccessLost?.(event.reason === CLOSE_REASON_EXPIRED ? 'expired' : 'revoked');
    }
  });
  const onLocalChange = (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider) refuse();
  };
  if (options.readOnly) doc.on('update', onLocalChange);
  let state: ConnectionState = { status: 'reconnecting', synced: false, localLoaded: local === null };
  const listeners = new Set<() => void>();
  const update = (patch: Partial<ConnectionState>) => {
    const next = { ...state, ...patch };
    if (next.status === state.status && next.synced === state.synced && next.localLoaded === state.localLoaded) return;
    state = next;
    for (const l of listeners) l();
  };
  function refresh(): void {
    if (provider.wsconnected) update({ status: 'connected' });
    else if (isBrowserOffline()) update({ status: 'offline' });
    else update({ status: storageDown ? 'storageUnavailable' : 'reconnecting' });
  }
  provider.on('status', ({ status }: { status: string }) => {
    if (status === 'connected') storageDown = false;
    refresh();
  });
  provider.on('sync', (isSynced: boolean) => {
    if (!isSynced) return;
    update({ synced: true });
    boardSettled();
  });
  void local?.whenSynced.then(() => update({ localLoaded: true }));
  // When the browser says the network is gone, stop using the socket at once (it may linger
  // half-open for a long time) and edit locally; reconnect as soon as the network is back.
  const onNetwork = () => {
    if (isBrowserOffline()) provider.disconnect();
    else if (!provider.shouldConnect && !stopped && !cutOff) {
      announceStateVector(provider.params, doc); // edits made offline since the last close
      provider.connect();
    }
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
      stopped = true;
      boardSettled();
      doc.off('update', onLocalChange);
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
