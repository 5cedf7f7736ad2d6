/**
 * The relay connection against a real websocket server that plays the relay's part: the
 * address carries the token and the writer key, and a refused change (close 4409) stops the
 * copy from reconnecting and reports it.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fakeRelayServer } from '../helpers/fakeRelayServer';
import { waitFor } from '../helpers/relay';
import {
  CLOSE_ACCESS_REVOKED,
  CLOSE_CHANGE_REFUSED,
  CLOSE_STORAGE_UNAVAILABLE,
  connectBoard,
  type AccessLoss,
} from '../../src/sync/connection';
import { WRITER_KEY_PATTERN } from '../../src/sync/writerKey';

const BOARD = 'board_connection_test_01';
const relay = fakeRelayServer();

function connect(doc: Y.Doc, options: Parameters<typeof connectBoard>[3] = {}) {
  const c = connectBoard(doc, BOARD, relay.url, options);
  relay.open.push(c);
  return c;
}

describe('connectBoard', () => {
  it('sends the token and this browser’s writer key for the board, the same on every connection', async () => {
    connect(new Y.Doc(), { params: { token: 'tok' } });
    connect(new Y.Doc(), { params: { token: 'tok' } });
    await waitFor(() => relay.requests.length === 2);
    const [a, b] = relay.requests as [URL, URL];
    expect(a.pathname).toBe(`/sync/${BOARD}`);
    expect(a.searchParams.get('token')).toBe('tok');
    expect(a.searchParams.get('writer')).toMatch(WRITER_KEY_PATTERN);
    expect(b.searchParams.get('writer')).toBe(a.searchParams.get('writer'));
  });

  it('reports a change refused by the relay (4409) once, and does not reconnect with that copy', async () => {
    relay.onSocket = (ws) => ws.close(CLOSE_CHANGE_REFUSED, 'change refused');
    let refused = 0;
    connect(new Y.Doc(), { onRefused: () => refused++ });
    await waitFor(() => refused === 1);
    // The provider would retry within ~200 ms; give it well over that.
    await new Promise((r) => setTimeout(r, 800));
    expect(relay.requests).toHaveLength(1);
    expect(refused).toBe(1);
  });

  it.each([
    ['access revoked', 'revoked'],
    ['link expired', 'expired'],
  ])(
    'reports a link cut off by the relay (4403, %s) once, and nothing reconnects it, not even the network coming back',
    async (reason, why) => {
      // A window, so that the connection listens to the browser's online/offline events.
      const hadWindow = 'window' in globalThis;
      const win = new EventTarget();
      if (!hadWindow) (globalThis as { window?: EventTarget }).window = win;
      try {
        relay.onSocket = (ws) => ws.close(CLOSE_ACCESS_REVOKED, reason);
        const lost: AccessLoss[] = [];
        const c = connect(new Y.Doc(), { onAccessLost: (w) => lost.push(w) });
        await waitFor(() => lost.length === 1);
        expect(lost).toEqual([why]);
        globalThis.window.dispatchEvent(new Event('online'));
        await new Promise((r) => setTimeout(r, 800));
        expect(relay.requests).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(c.getState().status).not.toBe('connected');
      } finally {
        if (!hadWindow) delete (globalThis as { window?: EventTarget }).window;
      }
    },
  );

  it('keeps reconnecting after an ordinary close', async () => {
    relay.onSocket = (ws) => ws.close(1011, 'restart');
    let refused = 0;
    connect(new Y.Doc(), { onRefused: () => refused++ });
    await waitFor(() => relay.requests.length >= 2);
    expect(refused).toBe(0);
  });

  it('says the server cannot save after a 4503 close, keeps reconnecting, and is connected again once it can', async () => {
    let cannotStore = true;
    relay.onSocket = (ws) => {
      if (cannotStore) ws.close(CLOSE_STORAGE_UNAVAILABLE, 'storage unavailable');
    };
    let refused = 0;
    const c = connect(new Y.Doc(), { onRefused: () => refused++ });
    await waitFor(() => c.getState().status === 'storageUnavailable');
    await waitFor(() => relay.requests.length >= 2);
    expect(c.getState().status).toBe('storageUnavailable');
    expect(refused).toBe(0);
    cannotStore = false;
    await waitFor(() => c.getState().status === 'connected', 10_000);
  });

  it('treats any change made to a read-only copy as refused; the relay’s own updates are fine', async () => {
    const doc = new Y.Doc();
    let refused = 0;
    relay.onSocket = (ws) => {
      // Sync step 2 with a real update, as the relay sends the board.
      const source = new Y.Doc();
      source.getMap('meta').set('title', 'Tableau');
      const update = Y.encodeStateAsUpdate(source);
      ws.send(Uint8Array.from([0, 1, ...encodeVarUint(update.length), ...update]));
    };
    connect(doc, { readOnly: true, offline: true, onRefused: () => refused++ });
    await waitFor(() => doc.getMap('meta').get('title') === 'Tableau');
    expect(refused).toBe(0);
    doc.getMap('meta').set('title', 'Changé ici');
    expect(refused).toBe(1);
  });
});

function encodeVarUint(n: number): number[] {
  const out: number[] = [];
  while (n > 127) {
    out.push((n & 127) | 128);
    n >>>= 7;
  }
  out.push(n);
  return out;
}
