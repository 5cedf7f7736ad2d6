import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listBoards } from '../../server/boardList';
import { silentLogger } from '../../server/log';
import { openMetaStore, type MetaStore } from '../../server/metaStore';
import { openSqliteStore } from '../../server/storage/sqlite';
import type { BoardStore } from '../../server/persistence';
import { RoomRegistry } from '../../server/rooms';
import { cleanupTempDirs, makeTempDir, testBoardId } from '../helpers/relay';

const opened: { store: BoardStore; meta: MetaStore; rooms: RoomRegistry }[] = [];
afterEach(() => {
  for (const { store, meta, rooms } of opened.splice(0)) {
    rooms.closeAll();
    store.close();
    meta.close();
  }
  cleanupTempDirs();
});

/** A store whose rows are all written at `clock.at`, its metadata and a registry over them. */
function sources() {
  const clock = { at: 1_000 };
  const dir = makeTempDir('parcours-list-');
  const store = openSqliteStore(dir, { now: () => clock.at });
  const meta = openMetaStore(dir);
  const rooms = new RoomRegistry({ store, log: silentLogger, idleMs: 60_000, compactEvery: 1000 });
  const made = { store, meta, rooms };
  opened.push(made);
  return { ...made, clock };
}

function titled(title: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('meta').set('title', title);
  return Y.encodeStateAsUpdate(doc);
}

describe('listBoards', () => {
  it('pages through boards that share a last activity without losing or repeating one', async () => {
    const s = sources();
    const ids = Array.from({ length: 7 }, () => testBoardId());
    for (const id of ids) s.store.append(id, titled(id.slice(0, 4)));
    const seen: string[] = [];
    let page = await listBoards(s, 3);
    seen.push(...page.boards.map((b) => b.boardId));
    while (page.next) {
      page = await listBoards(s, 3, page.next);
      seen.push(...page.boards.map((b) => b.boardId));
    }
    expect(seen).toEqual([...ids].sort().reverse());
  });

  it('sums the bytes of every row, dates a board by its newest row, and reads the title of the latest state', async () => {
    const s = sources();
    const id = testBoardId();
    const doc = new Y.Doc();
    const rows: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => rows.push(update));
    doc.getMap('meta').set('title', 'Avant');
    s.clock.at = 5_000;
    doc.getMap('meta').set('title', 'Après');
    for (const row of rows) s.store.append(id, row);
    const [listed] = (await listBoards(s, 10)).boards;
    expect(listed).toEqual({
      boardId: id,
      title: 'Après',
      lastActivity: 5_000,
      bytes: rows.reduce((n, r) => n + r.byteLength, 0),
      protected: false,
    });
  });

  it('lists a board whose rows do not decode, without a title, and cuts very long titles', async () => {
    const s = sources();
    const broken = testBoardId();
    const long = testBoardId();
    s.store.append(broken, new Uint8Array([0xff, 0xff, 0xff]));
    s.store.append(long, titled('T'.repeat(5000)));
    await s.meta.protect(long);
    const boards = (await listBoards(s, 10)).boards;
    expect(boards.find((b) => b.boardId === broken)).toMatchObject({ title: '', protected: false });
    expect(boards.find((b) => b.boardId === long)).toMatchObject({ title: 'T'.repeat(200), protected: true });
  });
});
