/**
 * The administrator's list of boards, one page at a time, most recently active first. The
 * store aggregates its rows per board (time of the newest, total bytes) without reading any
 * content; only the boards of the page are read for their title: from the loaded room's
 * document, or rebuilt from storage in a throwaway document, one board at a time. A page costs
 * at most `limit` board loads, however many boards the relay holds.
 */
import * as Y from 'yjs';
import { roots } from '../src/doc/schema';
import type { MetaStore } from './metaStore';
import type { BoardCursor, StoredBoard } from './persistence';
import type { RoomStore } from './storage/types';
import type { RoomRegistry } from './rooms';

export interface ListedBoard extends StoredBoard {
  /** The board's title ('' when it has none or cannot be read). */
  title: string;
  /** Whether share links protect it (false: an open board, anyone with its address is facilitator). */
  protected: boolean;
}

export interface BoardListPage {
  boards: ListedBoard[];
  /** Where the next page starts; null on the last page. */
  next: BoardCursor | null;
}

export interface BoardListSources {
  store: RoomStore;
  meta: MetaStore;
  rooms: RoomRegistry;
}

/** Longest title listed: the list is for recognising a board, not reading it. */
const MAX_LISTED_TITLE = 200;

function titleIn(doc: Y.Doc): string {
  const title = roots(doc).meta.get('title');
  return typeof title === 'string' ? title.slice(0, MAX_LISTED_TITLE) : '';
}

/** A board's title, from memory when it is loaded, else from its stored rows. */
async function readTitle(sources: BoardListSources, boardId: string): Promise<string> {
  const room = sources.rooms.peek(boardId);
  if (room !== undefined) return titleIn(room.doc);
  const doc = new Y.Doc();
  try {
    const rows = await sources.store.load(boardId);
    doc.transact(() => {
      for (const row of rows) Y.applyUpdate(doc, row);
    });
    return titleIn(doc);
  } catch {
    return ''; // a board the relay cannot read is still listed, without a title
  } finally {
    doc.destroy();
  }
}

/** One page of at most `limit` boards after `after`. */
export async function listBoards(sources: BoardListSources, limit: number, after?: BoardCursor): Promise<BoardListPage> {
  const stored = (await sources.store.listBoards?.(limit + 1, after)) ?? [];
  const page = stored.slice(0, limit);
  const boards: ListedBoard[] = [];
  for (const board of page)
    boards.push({
      ...board,
      title: await readTitle(sources, board.boardId),
      protected: (await sources.meta.generation(board.boardId)) !== null,
    });
  const last = page.at(-1);
  return { boards, next: stored.length > limit && last ? { lastActivity: last.lastActivity, boardId: last.boardId } : null };
}
