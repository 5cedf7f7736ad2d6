/**
 * What the cluster tests (and bench:cluster) share: a seq-numbered log standing in for
 * PostgreSQL's rows, a Room seen as a cluster node's room, share links made through the API, and
 * the stored board rebuilt from SQLite or PostgreSQL once the relays are gone.
 */
import * as Y from 'yjs';
import type { SeqRow } from '../../server/cluster/feed';
import type { ClusterRoom } from '../../server/cluster/node';
import { openSqliteStore } from '../../server/storage/sqlite';
import type { Room } from '../../server/room';
import { openPostgresStore } from '../../server/storage/postgres';

/** The shared store: rows numbered per board in commit order, as PostgreSQL numbers them. */
export class SharedLog {
  readonly rows: SeqRow[] = [];
  /** Stores `update`; returns its seq. */
  append(update: Uint8Array): number {
    this.rows.push({ seq: this.rows.length + 1, update });
    return this.rows.length;
  }
  loadSince = async (_board: string, seq: number): Promise<SeqRow[]> => this.rows.filter((row) => row.seq > seq);
  maxSeq = async (): Promise<number> => this.rows.length;
}

/** `room` as a cluster node sees it, with what remote updates and close orders do given by the test. */
export function clusterRoomOver(room: Room, remote: Pick<ClusterRoom, 'applyRemote' | 'closeAll'>): ClusterRoom {
  return {
    boardId: room.boardId,
    awareness: room.awareness,
    connect: (socket) => room.connect(socket),
    receive: (socket, frame) => room.receive(socket, frame),
    disconnect: (socket) => room.disconnect(socket),
    applyRemote: remote.applyRemote,
    closeAll: remote.closeAll,
  };
}

/** Makes a share link with `role` to the board through the relay at `httpUrl`; resolves with its token. */
export async function createLink(httpUrl: string, boardId: string, token: string, role: string): Promise<string> {
  const res = await fetch(`${httpUrl}/api/boards/${boardId}/links`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ role }),
  });
  if (res.status !== 201) throw new Error(`making a ${role} link answered ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** The board as stored: in PostgreSQL at `databaseUrl` when given, else in the SQLite file of `dataDir`. */
export async function storedBoard(boardId: string, where: { databaseUrl?: string; dataDir?: string }): Promise<Y.Doc> {
  const doc = new Y.Doc();
  if (where.databaseUrl !== undefined) {
    const store = await openPostgresStore(where.databaseUrl);
    try {
      for (const update of await store.load(boardId)) Y.applyUpdate(doc, update);
    } finally {
      await store.close();
    }
  } else if (where.dataDir !== undefined) {
    const store = openSqliteStore(where.dataDir);
    try {
      for (const update of store.load(boardId)) Y.applyUpdate(doc, update);
    } finally {
      store.close();
    }
  } else throw new Error('storedBoard needs a databaseUrl or a dataDir');
  return doc;
}
