/** Boards this browser has opened, for the home page. Kept in localStorage only. */
import { isValidBoardId } from '../model/ids';

export interface RecentBoard {
  id: string;
  title: string;
  lastOpened: number;
}

const STORAGE_KEY = 'parcours.recentBoards';
const MAX_RECENT = 30;

export function loadRecentBoards(storage: Storage | undefined = globalThis.localStorage): RecentBoard[] {
  try {
    const raw = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '[]') as unknown;
    if (!Array.isArray(raw)) return [];
    return raw
      .filter((b): b is RecentBoard => !!b && isValidBoardId(b.id) && typeof b.title === 'string' && typeof b.lastOpened === 'number')
      .sort((a, b) => b.lastOpened - a.lastOpened);
  } catch {
    return [];
  }
}

/** Records a visit (or a new title) of a board. */
export function rememberBoard(board: RecentBoard, storage: Storage | undefined = globalThis.localStorage): RecentBoard[] {
  const rest = loadRecentBoards(storage).filter((b) => b.id !== board.id);
  const next = [board, ...rest].slice(0, MAX_RECENT);
  storage?.setItem(STORAGE_KEY, JSON.stringify(next));
  return next;
}

export function forgetBoard(id: string, storage: Storage | undefined = globalThis.localStorage): RecentBoard[] {
  const next = loadRecentBoards(storage).filter((b) => b.id !== id);
  storage?.setItem(STORAGE_KEY, JSON.stringify(next));
  return next;
}
