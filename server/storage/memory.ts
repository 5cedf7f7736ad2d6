/**
 * A BoardStore kept in memory (server/persistence.ts's interface, without history): for tests,
 * and as the reference behaviour of the interface that the SQLite (sqlite.ts) and PostgreSQL
 * (postgres.ts) stores are checked against.
 */
import type { BoardStore } from '../persistence';

/** A BoardStore kept in memory: for tests, and as the reference behaviour of the interface. */
export function createMemoryStore(): BoardStore & { rows: Map<string, Uint8Array[]> } {
  const rows = new Map<string, Uint8Array[]>();
  /** The seq of each row of `rows`, index for index. */
  const seqs = new Map<string, number[]>();
  const writers = new Map<string, Map<number, string>>();
  const maxSeq = (boardId: string): number => seqs.get(boardId)?.at(-1) ?? 0;
  return {
    rows,
    maxSeq,
    loadSince: (boardId, seq) => {
      const list = rows.get(boardId) ?? [];
      const numbers = seqs.get(boardId) ?? [];
      return list.flatMap((update, i) => (numbers[i]! > seq ? [{ seq: numbers[i]!, update }] : []));
    },
    loadWriters: (boardId) => new Map(writers.get(boardId) ?? []),
    bindWriter: (boardId, client, keyHash) => {
      const board = writers.get(boardId) ?? new Map<number, string>();
      if (!board.has(client)) board.set(client, keyHash);
      writers.set(boardId, board);
    },
    load: (boardId) => [...(rows.get(boardId) ?? [])],
    append: (boardId, update) => {
      const seq = maxSeq(boardId) + 1;
      rows.set(boardId, [...(rows.get(boardId) ?? []), update.slice()]);
      seqs.set(boardId, [...(seqs.get(boardId) ?? []), seq]);
      return { seq };
    },
    compact: (boardId, state, upToSeq) => {
      const covered = upToSeq ?? maxSeq(boardId);
      const list = rows.get(boardId) ?? [];
      const numbers = seqs.get(boardId) ?? [];
      const kept = numbers.flatMap((seq, i) => (seq > covered ? [i] : []));
      rows.set(boardId, [state.slice(), ...kept.map((i) => list[i]!)]);
      seqs.set(boardId, [Math.max(covered, 1), ...kept.map((i) => numbers[i]!)]);
    },
    stats: () => ({ boards: rows.size, rows: [...rows.values()].reduce((n, list) => n + list.length, 0) }),
    rowCount: (boardId) => rows.get(boardId)?.length ?? 0,
    close: () => {
      rows.clear();
      seqs.clear();
      writers.clear();
    },
  };
}
