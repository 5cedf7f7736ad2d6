import { afterAll, afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { DATABASE_FILE, openSqliteStore, type SqliteStoreOptions } from '../../server/storage/sqlite';
import { HISTORY_KEEP_MS } from '../../server/storage/history';
import type { BoardStore } from '../../server/persistence';
import { cleanupTempDirs, makeTempDir } from '../helpers/relay';
import { keyEdits } from '../helpers/keyEdits';

const BOARD = 'persistence-board-001';
const OTHER = 'persistence-board-002';

const open: BoardStore[] = [];
function openStore(dir: string, options?: SqliteStoreOptions): BoardStore {
  const store = openSqliteStore(dir, options);
  open.push(store);
  return store;
}
afterEach(() => {
  for (const store of open.splice(0)) store.close();
});
afterAll(cleanupTempDirs);

function replay(rows: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const row of rows) Y.applyUpdate(doc, row);
  return doc;
}

describe('SQLite board store', () => {
  it('loads back exactly the appended updates, in order, per board', () => {
    const store = openStore(makeTempDir());
    const { updates } = keyEdits(5);
    for (const u of updates) store.append(BOARD, u);
    store.append(OTHER, updates[0]!);

    expect(store.load(BOARD)).toEqual(updates);
    expect(store.load(OTHER)).toEqual([updates[0]]);
    expect(store.load('never-written-board-1')).toEqual([]);
    expect(store.stats?.()).toEqual({ boards: 2, rows: 6 });
  });

  it('compaction keeps the document equal and leaves one row', () => {
    const store = openStore(makeTempDir());
    const { doc, updates } = keyEdits(50);
    for (const u of updates) store.append(BOARD, u);
    store.append(OTHER, updates[0]!);

    store.compact(BOARD, Y.encodeStateAsUpdate(doc));

    expect(store.rowCount?.(BOARD)).toBe(1);
    expect(store.rowCount?.(OTHER)).toBe(1);
    expect(replay(store.load(BOARD)).getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
  });

  it('keeps everything across closing and reopening the database', () => {
    const dir = makeTempDir();
    const first = openSqliteStore(dir);
    const { doc, updates } = keyEdits(10);
    for (const u of updates) first.append(BOARD, u);
    first.close();

    const second = openStore(dir);
    expect(replay(second.load(BOARD)).getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
  });

  it('creates the data directory, uses WAL and records the schema version', () => {
    const dir = path.join(makeTempDir(), 'nested', 'data');
    openStore(dir).close();
    const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(4);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('refuses a database written by a newer schema instead of guessing', () => {
    const dir = makeTempDir();
    openStore(dir).close();
    const db = new Database(path.join(dir, DATABASE_FILE));
    db.pragma('user_version = 99');
    db.close();
    expect(() => openSqliteStore(dir)).toThrow(/newer/);
  });
});

describe('per-board sequence numbers', () => {
  it('numbers each board 1, 2, 3… and reads the rows after a seq', () => {
    const store = openStore(makeTempDir());
    const { updates } = keyEdits(4);
    expect(updates.map((u) => store.append(BOARD, u).seq)).toEqual([1, 2, 3, 4]);
    expect(store.append(OTHER, updates[0]!).seq).toBe(1);
    expect(store.maxSeq(BOARD)).toBe(4);
    expect(store.maxSeq('never-written-board-1')).toBe(0);
    expect(store.loadSince(BOARD, 2)).toEqual([
      { seq: 3, update: updates[2] },
      { seq: 4, update: updates[3] },
    ]);
    expect(store.loadSince(BOARD, 4)).toEqual([]);
  });

  it('a compaction replaces only the rows it covers, and seqs never go back', () => {
    const store = openStore(makeTempDir());
    const { doc, updates } = keyEdits(6);
    for (const u of updates.slice(0, 4)) store.append(BOARD, u);
    // The compacted state covers rows 1–4; rows 5 and 6 arrive before the compaction commits.
    const covered = replay(updates.slice(0, 4));
    store.append(BOARD, updates[4]!);
    store.append(BOARD, updates[5]!);
    store.compact(BOARD, Y.encodeStateAsUpdate(covered), 4);

    expect(store.loadSince(BOARD, 0).map((row) => row.seq)).toEqual([4, 5, 6]);
    expect(store.rowCount?.(BOARD)).toBe(3);
    expect(replay(store.load(BOARD)).getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
    expect(store.append(BOARD, updates[0]!).seq).toBe(7);
    // Without a seq, a compaction covers every row and keeps the highest seq.
    store.compact(BOARD, Y.encodeStateAsUpdate(doc));
    expect(store.loadSince(BOARD, 0).map((row) => row.seq)).toEqual([7]);
    expect(store.append(BOARD, updates[1]!).seq).toBe(8);
  });

  it('numbers the rows of a schema 3 database in their order of arrival', () => {
    const dir = makeTempDir();
    openStore(dir).close();
    const db = new Database(path.join(dir, DATABASE_FILE));
    db.exec('DROP INDEX board_updates_by_seq; ALTER TABLE board_updates DROP COLUMN seq; PRAGMA user_version = 3;');
    const { updates } = keyEdits(3);
    const insert = db.prepare('INSERT INTO board_updates (board_id, data, created_at) VALUES (?, ?, ?)');
    insert.run(BOARD, Buffer.from(updates[0]!), 1);
    insert.run(OTHER, Buffer.from(updates[1]!), 2);
    insert.run(BOARD, Buffer.from(updates[2]!), 3);
    db.close();

    const store = openStore(dir);
    expect(store.loadSince(BOARD, 0)).toEqual([
      { seq: 1, update: updates[0] },
      { seq: 2, update: updates[2] },
    ]);
    expect(store.loadSince(OTHER, 0)).toEqual([{ seq: 1, update: updates[1] }]);
    expect(store.append(BOARD, updates[1]!).seq).toBe(3);
  });
});

describe('writer bindings', () => {
  it('keeps the first writer key of each client id across reopening', () => {
    const dir = makeTempDir();
    const first = openSqliteStore(dir);
    first.bindWriter('board-a', 7, 'key-1');
    first.bindWriter('board-a', 7, 'key-2');
    first.bindWriter('board-b', 7, 'key-3');
    first.close();
    const again = openStore(dir);
    expect([...again.loadWriters('board-a')]).toEqual([[7, 'key-1']]);
    expect([...again.loadWriters('board-b')]).toEqual([[7, 'key-3']]);
  });
});

describe('history kept through compaction', () => {
  /** A store on a hand-set clock, and a client doc whose every update is appended to it. */
  function timedBoard(options: Omit<SqliteStoreOptions, 'now'> = {}) {
    const clock = { now: 1_700_000_000_000 };
    const store = openStore(makeTempDir(), { ...options, now: () => clock.now });
    const doc = new Y.Doc();
    doc.on('update', (u: Uint8Array) => store.append(BOARD, u));
    const at = (time: number) => {
      const state = store.stateAt!(BOARD, time);
      return state && replay([state.state]);
    };
    return { clock, store, doc, at };
  }

  it('rebuilds the text of a card deleted before a compaction, as it was at any moment', () => {
    const { clock, store, doc, at } = timedBoard();
    const cards = doc.getMap<Y.Text>('touchpoints');
    cards.set('a', new Y.Text('Je paie et découvre des frais cachés'));
    const beforeDeletion = clock.now;
    clock.now += 1000;
    cards.delete('a');
    for (let i = 0; i < 510; i++) {
      clock.now += 10;
      doc.getMap('m').set('k', i);
    }
    clock.now += 1000;
    store.compact(BOARD, Y.encodeStateAsUpdate(doc));
    expect(replay(store.load(BOARD)).getMap('touchpoints').size).toBe(0);
    expect(store.rowCount?.(BOARD)).toBe(1);

    expect(at(beforeDeletion)!.getMap('touchpoints').get('a')?.toString()).toBe('Je paie et découvre des frais cachés');
    expect(at(beforeDeletion + 1000)!.getMap('touchpoints').size).toBe(0);
    expect(
      at(beforeDeletion + 1000 + 50)!
        .getMap('m')
        .get('k'),
    ).toBe(4);
    expect(at(beforeDeletion - 1)).toBeNull(); // the board did not exist yet
    expect(store.stateAt!(OTHER, clock.now)).toBeNull();
  });

  it('combines several compactions with the rows written since the last one', () => {
    const { clock, store, doc, at } = timedBoard();
    const m = doc.getMap('m');
    const times: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 5; i++) {
        clock.now += 100;
        m.set('k', `${round}.${i}`);
        times.push(clock.now);
      }
      clock.now += 100;
      store.compact(BOARD, Y.encodeStateAsUpdate(doc));
    }
    clock.now += 100;
    m.set('k', 'latest');
    const last = clock.now;
    expect(times.map((t) => at(t)!.getMap('m').get('k'))).toEqual([
      '0.0',
      '0.1',
      '0.2',
      '0.3',
      '0.4',
      '1.0',
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '2.0',
      '2.1',
      '2.2',
      '2.3',
      '2.4',
    ]);
    expect(at(last)!.getMap('m').get('k')).toBe('latest');
    expect(store.stateAt!(BOARD, last)!.lastChangeAt).toBe(last);
  });

  it('prunes history older than its retention, and says when a moment is no longer known', () => {
    const { clock, store, doc, at } = timedBoard({ historyKeepMs: 60_000 });
    const m = doc.getMap('m');
    m.set('k', 'old');
    const old = clock.now;
    clock.now += 1000;
    m.set('k', 'compacted');
    store.compact(BOARD, Y.encodeStateAsUpdate(doc));
    const firstCompaction = clock.now;
    clock.now += 1000;
    m.set('k', 'after');
    expect(at(old)!.getMap('m').get('k')).toBe('old');

    clock.now += 60_001;
    expect(store.pruneHistory!()).toBe(2);
    expect(at(old)).toBeNull();
    expect(at(firstCompaction)!.getMap('m').get('k')).toBe('compacted');
    expect(replay(store.load(BOARD)).getMap('m').get('k')).toBe('after');

    // A later compaction moves the compacted row to history too; it still answers until it ages out.
    store.compact(BOARD, Y.encodeStateAsUpdate(doc));
    expect(at(firstCompaction)!.getMap('m').get('k')).toBe('compacted');
  });

  it('keeps a week of history by default', () => {
    expect(HISTORY_KEEP_MS).toBe(7 * 24 * 60 * 60 * 1000);
  });

  it('upgrades a database of schema 2 without touching its rows', () => {
    const dir = makeTempDir();
    const db = new Database(path.join(dir, DATABASE_FILE));
    db.exec(`
      CREATE TABLE board_updates (id INTEGER PRIMARY KEY, board_id TEXT NOT NULL, data BLOB NOT NULL, created_at INTEGER NOT NULL);
      CREATE INDEX board_updates_by_board ON board_updates (board_id, id);
      CREATE TABLE board_writers (board_id TEXT NOT NULL, client_id INTEGER NOT NULL, key_hash TEXT NOT NULL, PRIMARY KEY (board_id, client_id)) WITHOUT ROWID;
      PRAGMA user_version = 2;
    `);
    const { doc, updates } = keyEdits(3);
    for (const u of updates)
      db.prepare('INSERT INTO board_updates (board_id, data, created_at) VALUES (?, ?, ?)').run(BOARD, Buffer.from(u), 5);
    db.close();

    const store = openStore(dir);
    expect(replay(store.load(BOARD)).getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
    expect(
      replay([store.stateAt!(BOARD, 5)!.state])
        .getMap('m')
        .toJSON(),
    ).toEqual(doc.getMap('m').toJSON());
  });
});
