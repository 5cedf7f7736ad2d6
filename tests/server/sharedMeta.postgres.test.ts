/**
 * Two relay instances on one PostgreSQL database (DATABASE_URL), each with its own data directory
 * holding the same signing secrets:
 * links, revocations, versions and feed tokens made on one are what the other sees.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessRelay, type InProcessRelay } from '../helpers/inProcessRelay';
import { postgresAvailable, startPostgres, type PostgresServer } from '../helpers/postgres';
import { cleanupTempDirs, makeTempDir } from '../helpers/relay';

const HAS_POSTGRES = postgresAvailable();
let server: PostgresServer | null = null;
const relays: InProcessRelay[] = [];

beforeAll(async () => {
  if (!HAS_POSTGRES) return;
  server = await startPostgres();
  const databaseUrl = await server.createDatabase('shared_meta');
  relays.push(await startInProcessRelay({ databaseUrl }));
  // Another data directory with the same secrets only: whatever else the two share is in PostgreSQL.
  const dataDir = makeTempDir('parcours-data-');
  for (const file of fs.readdirSync(relays[0]!.config.dataDir).filter((f) => !f.includes('sqlite')))
    fs.copyFileSync(path.join(relays[0]!.config.dataDir, file), path.join(dataDir, file));
  relays.push(await startInProcessRelay({ databaseUrl, dataDir }));
}, 60_000);
afterAll(async () => {
  for (const relay of relays) await relay.close();
  server?.stop();
  cleanupTempDirs();
});

async function call(relay: InProcessRelay, pathname: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  const res = await fetch(`${relay.httpUrl}${pathname}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      ...(init.body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe.skipIf(!HAS_POSTGRES)('two instances on one database', () => {
  it('see the same links, revocations, versions and feeds', async () => {
    const [a, b] = [relays[0]!, relays[1]!];
    const created = await call(a, '/api/boards', { method: 'POST' });
    const { boardId, token } = created.body as { boardId: string; token: string };
    expect((await call(b, `/api/boards/${boardId}/access`, { token })).body).toEqual({ role: 'facilitator', protected: true });

    const participant = (await call(b, `/api/boards/${boardId}/links`, { method: 'POST', token, body: { role: 'participant' } })).body
      .token as string;
    expect((await call(a, `/api/boards/${boardId}/access`, { token: participant })).body).toMatchObject({ role: 'participant' });

    const version = await call(b, `/api/boards/${boardId}/versions`, { method: 'POST', token, body: { name: 'atelier 1' } });
    expect(version.status).toBe(201);
    const listed = (await call(a, `/api/boards/${boardId}/versions`, { token: participant })).body.versions as { id: string }[];
    expect(listed.map((v) => v.id)).toEqual([version.body.id]);

    const feed = await call(a, `/api/boards/${boardId}/feeds`, { method: 'POST', token, body: { label: 'CRM' } });
    expect(feed.status).toBe(201);
    const feeds = (await call(b, `/api/boards/${boardId}/feeds`, { token })).body.feeds as { id: string; label: string }[];
    expect(feeds.map((f) => f.label)).toEqual(['CRM']);

    const revoked = await call(a, `/api/boards/${boardId}/revoke`, { method: 'POST', token });
    const fresh = revoked.body.facilitatorToken as string;
    expect((await call(b, `/api/boards/${boardId}/access`, { token: participant })).status).toBe(403);
    expect((await call(b, `/api/boards/${boardId}/access`, { token })).status).toBe(403);
    expect((await call(b, `/api/boards/${boardId}/access`, { token: fresh })).status).toBe(200);
  });
});
