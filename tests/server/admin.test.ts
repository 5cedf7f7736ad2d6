import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ADMIN_SECRET_FILE } from '../../server/adminSecret';
import type { ServerConfig } from '../../server/config';
import { createLogger } from '../../server/log';
import { startInProcessRelay, type InProcessRelay } from '../helpers/inProcessRelay';
import {
  cleanupTempDirs,
  connectClient,
  createTestBoard,
  destroyAllClients,
  makeTempDir,
  seedOpenBoard,
  testBoardId,
  upgradeStatus,
  waitFor,
} from '../helpers/relay';

const relays: InProcessRelay[] = [];
afterEach(async () => {
  destroyAllClients();
  await Promise.all(relays.splice(0).map((relay) => relay.close()));
});
afterAll(cleanupTempDirs);

/** A relay on `dataDir` whose log lines are kept. */
async function relayWith(overrides: Partial<ServerConfig> = {}): Promise<{ relay: InProcessRelay; lines: string[]; secret: string }> {
  const lines: string[] = [];
  const sink = (line: string) => lines.push(line);
  const relay = await startInProcessRelay(overrides, createLogger('info', { out: sink, err: sink }));
  relays.push(relay);
  const secret = fs.readFileSync(path.join(relay.config.dataDir, ADMIN_SECRET_FILE), 'utf8').trim();
  return { relay, lines, secret };
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** One request with any headers and body, the path sent verbatim. */
function request(
  relay: InProcessRelay,
  method: string,
  pathname: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: relay.port, method, path: pathname, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : { text },
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` });

type Listed = { boardId: string; title: string; lastActivity: number; bytes: number; protected: boolean };

/** A board with a title, written through the relay by its facilitator. */
async function boardTitled(relay: InProcessRelay, title: string): Promise<string> {
  const board = await createTestBoard(relay.httpUrl);
  const client = connectClient(relay.wsUrl, board.boardId, new Y.Doc(), board.params);
  await client.synced;
  client.doc.getMap('meta').set('title', title);
  await waitFor(() => relay.server.rooms.peek(board.boardId)?.storedRowCount === 1, 5000, `"${title}" to be stored`);
  client.destroy();
  return board.boardId;
}

describe('the administrator secret', () => {
  it('is made on first start in DATA_DIR/admin.key (mode 600), printed once in the log, and kept across restarts', async () => {
    const dataDir = makeTempDir('parcours-admin-');
    const first = await relayWith({ dataDir });
    const file = path.join(dataDir, ADMIN_SECRET_FILE);
    expect(first.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const printed = first.lines.filter((line) => line.includes(first.secret));
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/INFO administrator secret created/);
    await first.relay.close();
    relays.splice(0);

    const second = await relayWith({ dataDir });
    expect(second.secret).toBe(first.secret);
    expect(second.lines.join('\n')).not.toContain(first.secret);
    expect((await request(second.relay, 'GET', '/api/admin/boards', bearer(first.secret))).status).toBe(200);
  });

  it('is rotated by deleting the file and restarting: the old one stops working', async () => {
    const dataDir = makeTempDir('parcours-admin-');
    const first = await relayWith({ dataDir });
    await first.relay.close();
    relays.splice(0);
    fs.rmSync(path.join(dataDir, ADMIN_SECRET_FILE));
    const second = await relayWith({ dataDir });
    expect(second.secret).not.toBe(first.secret);
    expect((await request(second.relay, 'GET', '/api/admin/boards', bearer(first.secret))).status).toBe(401);
    expect((await request(second.relay, 'GET', '/api/admin/boards', bearer(second.secret))).status).toBe(200);
  });

  it('stops the relay from starting when the file holds something else, saying which file', async () => {
    const dataDir = makeTempDir('parcours-admin-');
    fs.writeFileSync(path.join(dataDir, ADMIN_SECRET_FILE), 'password\n');
    await expect(startInProcessRelay({ dataDir })).rejects.toThrow(/admin\.key is not a valid administrator secret/);
  });
});

describe('GET /api/admin/boards', () => {
  let relay: InProcessRelay;
  let secret: string;
  let boards: string[];
  let open: string;
  beforeAll(async () => {
    ({ relay, secret } = await startInProcessRelay().then(async (r) => ({
      relay: r,
      secret: fs.readFileSync(path.join(r.config.dataDir, ADMIN_SECRET_FILE), 'utf8').trim(),
    })));
    boards = [];
    for (const title of ['Atelier Achat', 'Parcours SAV', 'Onboarding B2B']) {
      boards.push(await boardTitled(relay, title));
      await new Promise((resolve) => setTimeout(resolve, 5)); // distinct last activities
    }
    const legacy = new Y.Doc();
    legacy.getMap('meta').set('title', 'Ancien tableau ouvert');
    open = seedOpenBoard(relay.config.dataDir, testBoardId(), Y.encodeStateAsUpdate(legacy));
    await createTestBoard(relay.httpUrl); // made and never written: nothing to list
  });
  afterAll(async () => {
    destroyAllClients();
    await relay.close();
  });

  it('lists every stored board, newest activity first, with its title, size and protection, loaded or not', async () => {
    // The first board is unloaded: its title comes from storage.
    await waitFor(() => relay.server.rooms.peek(boards[0]!)?.connectionCount === 0, 5000, 'the first board to be left');
    relay.server.rooms.unload(relay.server.rooms.peek(boards[0]!)!);
    const answer = await request(relay, 'GET', '/api/admin/boards', bearer(secret));
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    const listed = answer.body.boards as Listed[];
    expect(listed.map((b) => b.title)).toEqual(['Ancien tableau ouvert', 'Onboarding B2B', 'Parcours SAV', 'Atelier Achat']);
    expect(listed.map((b) => b.protected)).toEqual([false, true, true, true]);
    expect(listed.map((b) => b.boardId)).toEqual([open, ...[...boards].reverse()]);
    for (const b of listed) {
      expect(b.bytes).toBeGreaterThan(0);
      expect(Math.abs(Date.now() - b.lastActivity)).toBeLessThan(60_000);
    }
    expect(answer.body.next).toBeNull();
  });

  it('pages with limit and the next cursor, each board once', async () => {
    const seen: string[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const answer = await request(
        relay,
        'GET',
        `/api/admin/boards?limit=1${next ? `&after=${encodeURIComponent(next)}` : ''}`,
        bearer(secret),
      );
      expect(answer.status).toBe(200);
      const listed = answer.body.boards as Listed[];
      expect(listed.length).toBeLessThanOrEqual(1);
      seen.push(...listed.map((b) => b.boardId));
      next = answer.body.next as string | null;
      pages++;
    } while (next !== null && pages < 10);
    expect(seen).toEqual([open, ...[...boards].reverse()]);
  });

  it('answers 400 to a bad limit or cursor', async () => {
    for (const query of [
      'limit=0',
      'limit=101',
      'limit=2.5',
      'limit=x',
      'after=nope',
      `after=12.${'a'.repeat(10)}`,
      'after=1e3.aaaaaaaaaaaaaaaaaaaa',
      "after=1.'%20OR%201=1--aaaaaaaa",
    ]) {
      const answer = await request(relay, 'GET', `/api/admin/boards?${query}`, bearer(secret));
      expect([query, answer.status]).toEqual([query, 400]);
    }
  });

  it('refuses without the secret in the Authorization header: missing, wrong, in the address, or another scheme', async () => {
    const refusals = [
      await request(relay, 'GET', '/api/admin/boards'),
      await request(relay, 'GET', '/api/admin/boards', bearer(`${secret}x`)),
      await request(relay, 'GET', '/api/admin/boards', bearer(secret.slice(0, -1))),
      await request(relay, 'GET', `/api/admin/boards?secret=${secret}&token=${secret}`),
      await request(relay, 'GET', '/api/admin/boards', { Authorization: `Basic ${Buffer.from(`admin:${secret}`).toString('base64')}` }),
      await request(relay, 'GET', '/api/admin/boards', bearer('x'.repeat(5000))),
    ];
    expect(refusals.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(refusals[0]!.body).toEqual({ error: 'administrator secret required' });
    expect(refusals[1]!.body).toEqual({ error: 'wrong administrator secret' });
    // A board's facilitator token is no administrator secret.
    const board = await createTestBoard(relay.httpUrl);
    expect((await request(relay, 'GET', '/api/admin/boards', bearer(board.token))).status).toBe(401);
  });
});

describe('POST /api/admin/boards/:id/links', () => {
  it('mints a facilitator link that opens the board, without breaking the links handed out', async () => {
    const { relay, secret, lines } = await relayWith();
    const board = await createTestBoard(relay.httpUrl);
    const participant = (
      await request(
        relay,
        'POST',
        `/api/boards/${board.boardId}/links`,
        { ...bearer(board.token), 'Content-Type': 'application/json' },
        '{"role":"participant"}',
      )
    ).body.token as string;
    const minted = await request(
      relay,
      'POST',
      `/api/admin/boards/${board.boardId}/links`,
      { ...bearer(secret), 'Content-Type': 'application/json' },
      '{"expiresInDays":7}',
    );
    expect(minted.status).toBe(201);
    expect(minted.body).toMatchObject({ role: 'facilitator' });
    expect(minted.body.expiresAt as number).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    const token = minted.body.token as string;
    expect((await request(relay, 'GET', `/api/boards/${board.boardId}/access`, bearer(token))).body).toEqual({
      role: 'facilitator',
      protected: true,
    });
    expect(await upgradeStatus(`${relay.wsUrl}/${board.boardId}?token=${encodeURIComponent(token)}`)).toBe(101);
    expect((await request(relay, 'GET', `/api/boards/${board.boardId}/access`, bearer(participant))).body).toEqual({
      role: 'participant',
      protected: true,
    });
    expect((await request(relay, 'GET', `/api/boards/${board.boardId}/access`, bearer(board.token))).status).toBe(200);
    // Logged without the token.
    const line = lines.find((l) => l.includes('administrator minted a facilitator link'));
    expect(line).toContain(board.boardId);
    expect(lines.join('\n')).not.toContain(token);
  });

  it('answers 404 for an unknown board and creates nothing; 400 for a bad id or expiry; 413 for a huge body', async () => {
    const { relay, secret } = await relayWith();
    const unknown = testBoardId();
    const json = { ...bearer(secret), 'Content-Type': 'application/json' };
    expect(await request(relay, 'POST', `/api/admin/boards/${unknown}/links`, json, '{}')).toMatchObject({
      status: 404,
      body: { error: 'no such board' },
    });
    expect((await request(relay, 'GET', `/api/boards/${unknown}/access`)).status).toBe(404);
    expect((await request(relay, 'POST', '/api/admin/boards/short/links', json, '{}')).status).toBe(400);
    expect((await request(relay, 'POST', `/api/admin/boards/..%2F..%2F${unknown}/links`, json, '{}')).status).toBe(400);
    const board = await createTestBoard(relay.httpUrl);
    for (const body of ['{"expiresInDays":-1}', '{"expiresInDays":400}', '{"expiresInDays":"soon"}', '[1]', '{not json']) {
      expect([body, (await request(relay, 'POST', `/api/admin/boards/${board.boardId}/links`, json, body)).status]).toEqual([body, 400]);
    }
    expect((await request(relay, 'POST', `/api/admin/boards/${board.boardId}/links`, json, 'x'.repeat(100_000))).status).toBe(413);
    expect((await request(relay, 'GET', `/api/admin/boards/${board.boardId}/links`, bearer(secret))).status).toBe(405);
    expect((await request(relay, 'POST', `/api/admin/boards/${board.boardId}/links/extra`, json, '{}')).status).toBe(404);
    expect((await request(relay, 'POST', `/api/admin/boards/${board.boardId}/revoke`, json, '{}')).status).toBe(404);
    expect((await request(relay, 'DELETE', '/api/admin/boards', bearer(secret))).status).toBe(405);
    // Without the secret, even a known board gets nothing.
    expect(
      (await request(relay, 'POST', `/api/admin/boards/${board.boardId}/links`, { 'Content-Type': 'application/json' }, '{}')).status,
    ).toBe(401);
  });

  it('protects an open board it mints for: its address alone no longer opens it', async () => {
    const { relay, secret } = await relayWith();
    const open = seedOpenBoard(relay.config.dataDir);
    expect((await request(relay, 'GET', `/api/boards/${open}/access`)).status).toBe(200);
    const minted = await request(relay, 'POST', `/api/admin/boards/${open}/links`, bearer(secret));
    expect(minted.status).toBe(201);
    expect((await request(relay, 'GET', `/api/boards/${open}/access`)).status).toBe(401);
    expect((await request(relay, 'GET', `/api/boards/${open}/access`, bearer(minted.body.token as string))).status).toBe(200);
  });
});

describe('guessing the administrator secret', () => {
  it('refuses an address for a while once its wrong secrets spent their burst, even with the right secret, and nobody else', async () => {
    const { relay, secret, lines } = await relayWith({ ipAdminFailureBurst: 3, ipAdminFailuresPerHour: 60, trustProxy: 1 });
    const from = (address: string, given: string | null) =>
      request(relay, 'GET', '/api/admin/boards', { 'X-Forwarded-For': address, ...(given ? bearer(given) : {}) });
    // Right secrets cost nothing.
    for (let i = 0; i < 5; i++) expect((await from('203.0.113.7', secret)).status).toBe(200);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await from('203.0.113.7', `guess-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const locked = await from('203.0.113.7', secret);
    expect(locked.status).toBe(429);
    expect(locked.body).toEqual({ error: 'too many wrong administrator secrets from this address' });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(30); // 60 an hour: one a minute
    expect((await from('198.51.100.9', secret)).status).toBe(200);
    // Each wrong secret is logged, without what was tried; the lock-out once.
    expect(lines.filter((l) => l.includes('refused an administrator request'))).toHaveLength(3);
    expect(lines.filter((l) => l.includes('refusing administrator requests after wrong secrets'))).toHaveLength(1);
    expect(lines.join('\n')).not.toContain('guess-');
  });

  it('survives headers too big to read, and hand-made junk, without a crash', async () => {
    const { relay, secret } = await relayWith();
    expect((await request(relay, 'GET', '/api/admin/boards', bearer('y'.repeat(20_000)))).status).toBe(431);
    expect((await request(relay, 'GET', '/api/admin/boards', { Authorization: 'Bearer' })).status).toBe(401);
    expect((await request(relay, 'GET', '/api/admin/boards', { Authorization: 'Bearer      ' })).status).toBe(401);
    expect((await request(relay, 'GET', '/api/admin/boards', { Authorization: `Bearer ${secret}\u00e9` })).status).toBe(401);
    expect((await request(relay, 'GET', '/api/admin', bearer(secret))).status).toBe(404);
    expect((await request(relay, 'GET', '/api/admin/', bearer(secret))).status).toBe(404);
    expect((await request(relay, 'GET', '/api/admin/boards/', bearer(secret))).status).toBe(400);
    expect((await request(relay, 'GET', '/healthz')).status).toBe(200);
  });
});
