import { afterAll, afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { DATABASE_FILE, openSqliteStore, type BoardStore } from '../../server/persistence';
import { cleanupTempDirs, makeTempDir } from '../helpers/relay';

const BOARD = 'persistence-board-001';
const OTHER = 'persistence-board-002';

const open: BoardStore[] = [];
function openStore(dir: string): BoardStore {
  const store = openSqliteStore(dir);
  open.push(store);
  return store;
}
afterEach(() => {
  for (const store of open.splice(0)) store.close();
});
afterAll(cleanupTempDirs);

/** Makes `count` small updates, each setting one key, and returns them with the doc that made them. */
function edits(count: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) doc.getMap('m').set(`k${i}`, i);
  return { doc, updates };
}

function replay(rows: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const row of rows) Y.applyUpdate(doc, row);
  return doc;
}

describe('SQLite board store', () => {
  it('loads back exactly the appended updates, in order, per board', () => {
    const store = openStore(makeTempDir());
    const { updates } = edits(5);
    for (const u of updates) store.append(BOARD, u);
    store.append(OTHER, updates[0]!);

    expect(store.load(BOARD)).toEqual(updates);
    expect(store.load(OTHER)).toEqual([updates[0]]);
    expect(store.load('never-written-board-1')).toEqual([]);
    expect(store.stats?.()).toEqual({ boards: 2, rows: 6 });
  });

  it('compaction keeps the document equal and leaves one row', () => {
    const store = openStore(makeTempDir());
    const { doc, updates } = edits(50);
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
    const { doc, updates } = edits(10);
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
      expect(db.pragma('user_version', { simple: true })).toBe(2);
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
