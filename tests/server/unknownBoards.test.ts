import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { openSqliteStore } from '../../server/storage/sqlite';
import { apiRequest } from '../helpers/api';
import { relayForFile } from '../helpers/relayForFile';
import {
  boardSocketUrl,
  connectClient,
  createTestBoard,
  httpRequest,
  seedOpenBoard,
  testBoardId,
  upgradeStatus,
  waitFor,
} from '../helpers/relay';

const relay = relayForFile();

/** The refusal of an upgrade: HTTP status and body. */
function refusal(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.on('error', () => undefined);
    ws.once('unexpected-response', (req, res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body });
        req.destroy();
      });
    });
    ws.once('open', () => {
      resolve({ status: 101, body: '' });
      ws.terminate();
    });
  });
}

const api = (pathname: string, init?: Parameters<typeof apiRequest>[2]) => apiRequest(relay.httpUrl, pathname, init);

/** Rows stored for a board, read from the relay's own database file. */
function storedRows(boardId: string): number {
  const store = openSqliteStore(relay.config.dataDir);
  try {
    return store.rowCount!(boardId);
  } finally {
    store.close();
  }
}

describe('an id the relay has never seen', () => {
  it('is refused at the websocket upgrade with 404 "no such board", told apart from a bad id (400) and a missing link (401)', async () => {
    const unknown = testBoardId();
    expect(await refusal(`${relay.wsUrl}/${unknown}`)).toEqual({ status: 404, body: 'no such board\n' });
    expect(await upgradeStatus(`${relay.wsUrl}/short`)).toBe(400);
    const board = await createTestBoard(relay.httpUrl);
    expect(await upgradeStatus(`${relay.wsUrl}/${board.boardId}`)).toBe(401);
    // Nothing was made: no room, no row, and it is still unknown.
    expect(relay.server.rooms.peek(unknown)).toBeUndefined();
    expect(storedRows(unknown)).toBe(0);
    expect((await api(`/api/boards/${unknown}/access`)).status).toBe(404);
  });

  it('is refused whatever token comes with it, even a genuine one for another board', async () => {
    const other = await createTestBoard(relay.httpUrl);
    const unknown = testBoardId();
    expect(await upgradeStatus(`${relay.wsUrl}/${unknown}?token=${encodeURIComponent(other.token)}`)).toBe(404);
    expect(await upgradeStatus(`${relay.wsUrl}/${unknown}?token=garbage`)).toBe(404);
    expect((await api(`/api/boards/${unknown}/access`, { token: other.token })).status).toBe(404);
  });

  it('answers 404 on every API call, and none of them creates or protects the board', async () => {
    const unknown = testBoardId();
    expect(await api(`/api/boards/${unknown}/access`)).toEqual({ status: 404, body: { error: 'no such board' } });
    expect((await api(`/api/boards/${unknown}/links`, { method: 'POST', body: { role: 'facilitator' } })).status).toBe(404);
    expect((await api(`/api/boards/${unknown}/revoke`, { method: 'POST' })).status).toBe(404);
    expect((await api(`/api/boards/${unknown}/versions`, { method: 'POST', body: { name: 'v1' } })).status).toBe(404);
    expect((await api(`/api/boards/${unknown}/versions`)).status).toBe(404);
    expect((await api(`/api/boards/${unknown}/history?at=${Date.now()}`)).status).toBe(404);
    // Before, minting a link here protected the id and answered a facilitator token for it.
    expect((await api(`/api/boards/${unknown}/access`)).status).toBe(404);
    expect(await upgradeStatus(`${relay.wsUrl}/${unknown}`)).toBe(404);
    expect(relay.server.rooms.peek(unknown)).toBeUndefined();
    expect(storedRows(unknown)).toBe(0);
  });

  it('stays unknown after a stock provider keeps knocking: the relay stores nothing for it', async () => {
    const unknown = testBoardId();
    const client = connectClient(relay.wsUrl, unknown);
    let closes = 0;
    client.provider.on('connection-close', () => closes++);
    await waitFor(() => closes >= 3, 10_000, 'three refused attempts');
    expect(client.provider.wsconnected).toBe(false);
    expect(relay.server.rooms.peek(unknown)).toBeUndefined();
    expect(storedRows(unknown)).toBe(0);
  });

  it('keeps path tricks and odd ids out: encoded, over-long, with segments or a board id in the query', async () => {
    const unknown = testBoardId();
    const base = relay.wsUrl.replace(/\/sync$/, '');
    expect(await upgradeStatus(`${base}/sync/${unknown}%2F..`)).toBe(400);
    expect(await upgradeStatus(`${base}/sync/${unknown}/`)).toBe(400);
    expect(await upgradeStatus(`${base}/sync/${'a'.repeat(65)}`)).toBe(400);
    expect(await upgradeStatus(`${base}/sync//${unknown}`)).toBe(400);
    expect(await upgradeStatus(`${base}/sync/?board=${unknown}`)).toBe(400);
    const known = await createTestBoard(relay.httpUrl);
    // A known board's id as a prefix does not make a longer id known.
    expect(await upgradeStatus(`${base}/sync/${known.boardId}x?token=${encodeURIComponent(known.token)}`)).toBe(404);
    // Dot segments are not resolved: this is no route, not the known board's access.
    const dotted = await httpRequest(relay.httpUrl, `/api/boards/${unknown}/../${known.boardId}/access`);
    expect([dotted.status, JSON.parse(dotted.body)]).toEqual([404, { error: 'not found' }]);
  });
});

describe('boards the relay knows', () => {
  it('opens a board made by POST /api/boards before anyone wrote to it, with its link only', async () => {
    const board = await createTestBoard(relay.httpUrl);
    expect(storedRows(board.boardId)).toBe(0);
    expect(await api(`/api/boards/${board.boardId}/access`, { token: board.token })).toEqual({
      status: 200,
      body: { role: 'facilitator', protected: true },
    });
    expect((await api(`/api/boards/${board.boardId}/access`)).status).toBe(401);
    expect(await upgradeStatus(boardSocketUrl(relay.wsUrl, board))).toBe(101);
    const client = connectClient(relay.wsUrl, board.boardId, new Y.Doc(), board.params);
    await client.synced;
  });

  it('keeps an open board made before share links working, by its address alone, also once unloaded', async () => {
    const legacy = new Y.Doc();
    legacy.getMap('meta').set('title', 'Atelier 2023');
    const boardId = seedOpenBoard(relay.config.dataDir, testBoardId(), Y.encodeStateAsUpdate(legacy));
    expect(await api(`/api/boards/${boardId}/access`)).toEqual({ status: 200, body: { role: 'facilitator', protected: false } });
    const client = connectClient(relay.wsUrl, boardId);
    await client.synced;
    expect(client.doc.getMap('meta').get('title')).toBe('Atelier 2023');
    client.doc.getMap('meta').set('title', 'Atelier 2024');
    await waitFor(
      () => relay.server.rooms.peek(boardId)?.doc.getMap('meta').get('title') === 'Atelier 2024',
      5000,
      'the edit to reach the relay',
    );
    client.destroy();
    await waitFor(() => relay.server.rooms.peek(boardId)?.connectionCount === 0, 5000, 'the client to leave');
    relay.server.rooms.unload(relay.server.rooms.peek(boardId)!);
    const again = connectClient(relay.wsUrl, boardId);
    await again.synced;
    expect(again.doc.getMap('meta').get('title')).toBe('Atelier 2024');
  });
});
