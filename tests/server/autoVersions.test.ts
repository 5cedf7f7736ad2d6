import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AUTO_VERSION_INTERVAL_MS, AutoVersions, autoVersionsToDrop, type VersionedRoom } from '../../server/autoVersions';
import { silentLogger } from '../../server/log';
import { META_FILE, openMetaStore, type MetaStore } from '../../server/metaStore';
import { createMemoryStore } from '../../server/storage/memory';
import { RoomRegistry } from '../../server/rooms';
import type { Role } from '../../src/model/roles';
import { FakeSocket } from '../helpers/fakeSocket';
import { startInProcessRelay, type InProcessRelay } from '../helpers/inProcessRelay';
import { cleanupTempDirs, connectClient, destroyAllClients, makeTempDir, testBoardId, waitFor } from '../helpers/relay';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const metas: MetaStore[] = [];
const registries: RoomRegistry[] = [];
const sockets: FakeSocket[] = [];
function openMeta(dir = makeTempDir()): MetaStore {
  const meta = openMetaStore(dir);
  metas.push(meta);
  return meta;
}
afterEach(async () => {
  for (const registry of registries.splice(0)) registry.closeAll();
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const meta of metas.splice(0)) await meta.close();
  destroyAllClients();
});
afterAll(cleanupTempDirs);

/** A registry over a memory store whose automatic versions run on a hand-set clock. */
function setup() {
  const clock = { now: 1_000_000_000_000 };
  const meta = openMeta();
  const autoVersions = new AutoVersions({ meta, log: silentLogger, now: () => clock.now });
  const registry = new RoomRegistry({ store: createMemoryStore(), log: silentLogger, idleMs: 60_000, compactEvery: 500, autoVersions });
  registries.push(registry);
  return { clock, meta, autoVersions, registry };
}

/** Joins a fake client with a role; its edits go to the room as they happen. */
function join(registry: RoomRegistry, boardId: string, role: Role): FakeSocket & { role: Role } {
  const client = Object.assign(new FakeSocket(role), { role });
  sockets.push(client);
  const room = registry.join(boardId, client);
  client.doc.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== 'relay') room.receive(client, FakeSocket.updateFrame(u));
  });
  client.applyReceived();
  room.receive(client, client.syncStep1());
  client.applyReceived();
  return client;
}

const autoCount = async (meta: MetaStore, boardId: string) => (await meta.listVersions(boardId)).filter((v) => v.kind === 'auto').length;

describe('the retention schedule', () => {
  const now = 400 * DAY;
  const at = (age: number, id = `v${age}`) => ({ id, createdAt: now - age });

  it('keeps every automatic version of the last 24 hours', () => {
    const versions = Array.from({ length: 100 }, (_, i) => at(i * 10 * MINUTE));
    expect(versions.at(-1)!.createdAt).toBeGreaterThan(now - DAY);
    expect(autoVersionsToDrop(versions, now)).toEqual([]);
  });

  it('keeps the newest of each hour up to 7 days, of each day up to 90 days, none beyond', () => {
    const hourStart = Math.floor((now - 2 * DAY) / HOUR) * HOUR;
    const sameHour = [
      { id: 'early', createdAt: hourStart + 5 * MINUTE },
      { id: 'late', createdAt: hourStart + 50 * MINUTE },
    ];
    const dayStart = Math.floor((now - 20 * DAY) / DAY) * DAY;
    const sameDay = [
      { id: 'morning', createdAt: dayStart + 8 * HOUR },
      { id: 'evening', createdAt: dayStart + 18 * HOUR },
    ];
    const ancient = { id: 'ancient', createdAt: now - 91 * DAY };
    const dropped = autoVersionsToDrop([...sameHour, ...sameDay, ancient, at(HOUR)], now);
    expect(dropped.sort()).toEqual(['ancient', 'early', 'morning']);
  });

  it('leaves a thinned set unchanged when applied again later (stable buckets)', () => {
    const versions = Array.from({ length: 2000 }, (_, i) => at(i * 7 * MINUTE));
    const kept = (list: typeof versions, t: number) => {
      const drop = new Set(autoVersionsToDrop(list, t));
      return list.filter((v) => !drop.has(v.id));
    };
    const once = kept(versions, now);
    expect(once.length).toBeLessThan(versions.length);
    expect(kept(once, now)).toEqual(once);
  });
});

describe('automatic versions of a loaded board', () => {
  it('saves the board when the first participant joins, as it was then, not for facilitators or later participants', async () => {
    const { registry, meta, autoVersions } = setup();
    const board = testBoardId();
    const facilitator = join(registry, board, 'facilitator');
    facilitator.doc.getMap('touchpoints').set('a', 'Je découvre');
    await autoVersions.idle();
    expect(await autoCount(meta, board)).toBe(0);

    const participant = join(registry, board, 'participant');
    // Written before the version reaches storage: the version holds the board as the participant found it.
    participant.doc.getMap('touchpoints').set('b', 'Je supprime tout');
    join(registry, board, 'participant');
    await autoVersions.idle();
    const versions = await meta.listVersions(board);
    expect(versions).toMatchObject([{ kind: 'auto', name: '', author: '' }]);
    const saved = new Y.Doc();
    Y.applyUpdate(saved, (await meta.loadVersion(board, versions[0]!.id))!);
    expect(saved.getMap('touchpoints').toJSON()).toEqual({ a: 'Je découvre' });
  });

  it('does not save an empty board, nor one reopened unchanged since its last version', async () => {
    const { registry, meta, autoVersions } = setup();
    const empty = testBoardId();
    join(registry, empty, 'participant');
    await autoVersions.idle();
    expect(await autoCount(meta, empty)).toBe(0);

    const board = testBoardId();
    const facilitator = join(registry, board, 'facilitator');
    facilitator.doc.getMap('m').set('k', 1);
    const participant = join(registry, board, 'participant');
    await autoVersions.idle();
    expect(await autoCount(meta, board)).toBe(1);
    for (const client of [facilitator, participant]) registry.peek(board)!.disconnect(client);
    registry.unload(registry.peek(board)!);

    join(registry, board, 'participant'); // a new session, same content
    await autoVersions.idle();
    expect(await autoCount(meta, board)).toBe(1);
  });

  it('saves at most once per interval, only if the board changed, deletions included', async () => {
    const { registry, meta, clock, autoVersions } = setup();
    const board = testBoardId();
    const participant = join(registry, board, 'participant');
    const cards = participant.doc.getMap('touchpoints');
    cards.set('a', 1);
    cards.set('b', 2);
    const tick = () => autoVersions.tick([registry.peek(board)!]);
    const count = () => autoCount(meta, board);

    await tick();
    expect(await count()).toBe(1); // no version yet: the first look saves it
    cards.set('c', 3);
    clock.now += AUTO_VERSION_INTERVAL_MS - 1;
    await tick();
    expect(await count()).toBe(1);
    clock.now += 1;
    await tick();
    expect(await count()).toBe(2);

    clock.now += AUTO_VERSION_INTERVAL_MS;
    await tick();
    expect(await count()).toBe(2); // unchanged

    cards.delete('a'); // only a deletion: the state vector does not move, the snapshot does
    await tick();
    expect(await count()).toBe(3);
  });

  it('reads the room document at each look, so a room that replaces its document is followed', async () => {
    const { meta, clock } = setup();
    const autoVersions = new AutoVersions({ meta, log: silentLogger, now: () => clock.now });
    let doc = new Y.Doc();
    doc.getMap('m').set('k', 'first');
    const room: VersionedRoom = {
      boardId: testBoardId(),
      get doc() {
        return doc;
      },
    };
    await autoVersions.joined(room, 'participant');
    doc = new Y.Doc();
    doc.getMap('m').set('k', 'second');
    clock.now += AUTO_VERSION_INTERVAL_MS;
    await autoVersions.tick([room]);
    const [latest] = await meta.listVersions(room.boardId);
    const saved = new Y.Doc();
    Y.applyUpdate(saved, (await meta.loadVersion(room.boardId, latest!.id))!);
    expect(saved.getMap('m').get('k')).toBe('second');
  });

  it('thins automatic versions and never deletes a named one', async () => {
    const { meta, clock, autoVersions } = setup();
    const board = testBoardId();
    const state = Y.encodeStateAsUpdate(new Y.Doc());
    const named = await meta.saveVersion(board, 'v1 2024', 'Claire', state, clock.now - 400 * DAY);
    for (let i = 0; i < 30; i++) await meta.saveAutoVersion(board, state, clock.now - 3 * DAY - i * MINUTE);
    await meta.saveAutoVersion(board, state, clock.now - 100 * DAY);
    expect(await meta.deleteAutoVersions([named.id])).toBe(0);

    expect(await autoVersions.sweep()).toBe(30);
    const left = await meta.listVersions(board);
    expect(left.map((v) => v.kind).sort()).toEqual(['auto', 'named']);
    expect(left.find((v) => v.kind === 'named')!.id).toBe(named.id);
  });

  it('is driven by one registry timer, which stops when the registry closes', async () => {
    const meta = openMeta();
    const autoVersions = new AutoVersions({ meta, log: silentLogger, intervalMs: 0 });
    const registry = new RoomRegistry({
      store: createMemoryStore(),
      log: silentLogger,
      idleMs: 60_000,
      compactEvery: 500,
      autoVersions,
      versionCheckMs: 5,
    });
    registries.push(registry);
    const board = testBoardId();
    const facilitator = join(registry, board, 'facilitator');
    facilitator.doc.getMap('m').set('k', 1);
    for (let i = 0; i < 200 && (await autoCount(meta, board)) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await autoCount(meta, board)).toBe(1); // a version from the timer
    registry.closeAll();
    facilitator.doc.getMap('m').set('k', 2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await autoVersions.idle();
    expect(await autoCount(meta, board)).toBe(1);
  });
});

describe('the version kind in the metadata database', () => {
  it('marks versions saved before automatic versions existed as named', async () => {
    const dir = makeTempDir();
    const db = new Database(path.join(dir, META_FILE));
    db.exec(`
      CREATE TABLE boards (board_id TEXT PRIMARY KEY, generation INTEGER NOT NULL, created_at INTEGER NOT NULL);
      CREATE TABLE versions (
        id TEXT PRIMARY KEY, board_id TEXT NOT NULL, name TEXT NOT NULL, author TEXT NOT NULL,
        created_at INTEGER NOT NULL, state BLOB NOT NULL
      );
      CREATE INDEX versions_by_board ON versions (board_id, created_at);
      PRAGMA user_version = 1;
    `);
    db.prepare('INSERT INTO versions VALUES (?, ?, ?, ?, ?, ?)').run(
      'old-version-00001',
      'board-old-000001',
      'v1 2024',
      'Claire',
      5,
      Buffer.from([0, 0]),
    );
    db.close();

    const meta = openMeta(dir);
    expect(await meta.listVersions('board-old-000001')).toEqual([
      { id: 'old-version-00001', boardId: 'board-old-000001', name: 'v1 2024', author: 'Claire', createdAt: 5, bytes: 2, kind: 'named' },
    ]);
    expect(await meta.deleteAutoVersions(['old-version-00001'])).toBe(0);
    await meta.close();
    metas.pop();
    const reopened = new Database(path.join(dir, META_FILE), { readonly: true });
    expect(reopened.pragma('user_version', { simple: true })).toBe(2);
    reopened.close();
  });
});

/** JSON calls to a running relay. */
function apiOf(relay: InProcessRelay) {
  return async (pathname: string, init: { method?: string; token?: string; body?: unknown } = {}) => {
    const res = await fetch(`${relay.httpUrl}${pathname}`, {
      method: init.method ?? 'GET',
      headers: { ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}), 'Content-Type': 'application/json' },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
    return (await res.json()) as Record<string, unknown>;
  };
}

describe('automatic versions on the running relay', () => {
  it('lists the version taken when a participant joins, with its kind, to anyone with a link', async () => {
    const relay = await startInProcessRelay();
    try {
      const api = apiOf(relay);
      const { boardId, token } = (await api('/api/boards', { method: 'POST' })) as { boardId: string; token: string };
      const facilitator = connectClient(relay.wsUrl, boardId, new Y.Doc(), { token });
      await facilitator.synced;
      facilitator.doc.getMap('touchpoints').set('a', 'Je compare les offres');
      await waitFor(
        () => (relay.server.rooms.peek(boardId)?.doc.getMap('touchpoints').size ?? 0) === 1,
        5000,
        'the edit to reach the relay',
      );
      await api(`/api/boards/${boardId}/versions`, { method: 'POST', token, body: { name: 'avant', author: 'Claire' } });
      facilitator.doc.getMap('touchpoints').set('b', 'Je commande');
      await waitFor(() => (relay.server.rooms.peek(boardId)?.doc.getMap('touchpoints').size ?? 0) === 2, 5000, 'the second edit');

      const participant = (
        (await api(`/api/boards/${boardId}/links`, { method: 'POST', token, body: { role: 'participant' } })) as { token: string }
      ).token;
      const client = connectClient(relay.wsUrl, boardId, new Y.Doc(), { token: participant });
      await client.synced;
      const { versions } = (await api(`/api/boards/${boardId}/versions`, { token: participant })) as {
        versions: { kind: string; name: string }[];
      };
      expect(versions.map((v) => [v.kind, v.name])).toEqual([
        ['auto', ''],
        ['named', 'avant'],
      ]);
    } finally {
      await relay.close();
    }
  });
});

describe('the board at a past moment, on the running relay', () => {
  it('gives a facilitator the cards a participant deleted before a compaction, and refuses others', async () => {
    const relay = await startInProcessRelay({ compactEvery: 5 });
    try {
      const api = apiOf(relay);
      const { boardId, token } = (await api('/api/boards', { method: 'POST' })) as { boardId: string; token: string };
      const participant = (
        (await api(`/api/boards/${boardId}/links`, { method: 'POST', token, body: { role: 'participant' } })) as { token: string }
      ).token;
      const facilitator = connectClient(relay.wsUrl, boardId, new Y.Doc(), { token });
      await facilitator.synced;
      const cards = facilitator.doc.getMap<Y.Text>('touchpoints');
      cards.set('a', new Y.Text('Je paie et découvre des frais cachés'));
      const relayCards = () => relay.server.rooms.peek(boardId)!.doc.getMap('touchpoints');
      await waitFor(() => relayCards().size === 1, 5000, 'the card to reach the relay');
      await new Promise((resolve) => setTimeout(resolve, 5));
      const before = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 5));
      cards.delete('a');
      for (let i = 0; i < 10; i++) facilitator.doc.getMap('m').set('k', i); // past COMPACT_EVERY: compacted
      await waitFor(() => relay.server.rooms.peek(boardId)!.doc.getMap('m').get('k') === 9, 5000, 'the edits to reach the relay');
      expect(relay.server.rooms.peek(boardId)!.storedRowCount).toBeLessThan(5); // the deletion is compacted away

      const history = (t: string | undefined, at: number) =>
        fetch(`${relay.httpUrl}/api/boards/${boardId}/history?at=${at}`, { headers: t ? { Authorization: `Bearer ${t}` } : {} });
      const res = await history(token, before);
      expect(res.status).toBe(200);
      const past = new Y.Doc();
      Y.applyUpdate(past, new Uint8Array(await res.arrayBuffer()));
      expect(past.getMap('touchpoints').get('a')?.toString()).toBe('Je paie et découvre des frais cachés');
      expect(Number(res.headers.get('x-parcours-last-change'))).toBeLessThanOrEqual(before);
      expect((await history(participant, before)).status).toBe(403);
      expect((await history(undefined, before)).status).toBe(401);
      expect((await history(token, 0)).status).toBe(404);
      expect(
        (await fetch(`${relay.httpUrl}/api/boards/${boardId}/history?at=yesterday`, { headers: { Authorization: `Bearer ${token}` } }))
          .status,
      ).toBe(400);
    } finally {
      await relay.close();
    }
  });
});
