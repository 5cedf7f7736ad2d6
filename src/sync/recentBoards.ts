/** Boards this browser has opened, for the home page. Kept in localStorage only. */
import { isValidBoardId } from '../model/ids';
import { cellId } from '../model/layout';
import { journeyMatrix } from '../model/matrix';
import type { BoardSnapshot } from '../model/types';

/** What the home page shows of a board to tell it apart from the others, counted when it was last open here. */
export interface BoardSummary {
  journeys: number;
  touchpoints: number;
  /** Touchpoints per cell of the first journey: one row per channel, one column per stage, capped. */
  grid: number[][];
}

export interface RecentBoard extends Partial<BoardSummary> {
  id: string;
  title: string;
  lastOpened: number;
}

const STORAGE_KEY = 'parcours.recentBoards';
const MAX_RECENT = 30;
/** The thumbnail shows at most this many stages and channels, and counts up to this many cards a cell: a few bytes a board. */
export const GRID_MAX_LANES = 12;
export const GRID_MAX_COUNT = 9;

/** The counts kept with a recent board, read from the board as it is now. */
export function summariseBoard(board: BoardSnapshot): BoardSummary {
  const first = board.journeys[0];
  let grid: number[][] = [];
  if (first) {
    const { stages, channels, cellCards } = journeyMatrix(board, first.id);
    grid = channels
      .slice(0, GRID_MAX_LANES)
      .map((c) => stages.slice(0, GRID_MAX_LANES).map((s) => Math.min(GRID_MAX_COUNT, cellCards.get(cellId(s.id, c.id))?.length ?? 0)));
  }
  return { journeys: board.journeys.length, touchpoints: board.touchpoints.length, grid };
}

const isCount = (n: unknown, max: number): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= max;

function isGrid(g: unknown): g is number[][] {
  return (
    Array.isArray(g) &&
    g.length <= GRID_MAX_LANES &&
    g.every((row) => Array.isArray(row) && row.length <= GRID_MAX_LANES && row.every((n) => isCount(n, GRID_MAX_COUNT)))
  );
}

/** One stored entry, or null; counts that do not read right are dropped, not the board (older entries have none). */
function readEntry(raw: unknown): RecentBoard | null {
  if (!raw || typeof raw !== 'object') return null;
  const b = raw as Record<string, unknown>;
  if (!isValidBoardId(b.id) || typeof b.title !== 'string' || typeof b.lastOpened !== 'number' || !Number.isFinite(b.lastOpened))
    return null;
  const entry: RecentBoard = { id: b.id, title: b.title, lastOpened: b.lastOpened };
  if (isCount(b.journeys, 1e6) && isCount(b.touchpoints, 1e7) && isGrid(b.grid))
    Object.assign(entry, { journeys: b.journeys, touchpoints: b.touchpoints, grid: b.grid });
  return entry;
}

const newestFirst = (list: RecentBoard[]) => list.sort((a, b) => b.lastOpened - a.lastOpened);

export function loadRecentBoards(storage: Storage | undefined = globalThis.localStorage): RecentBoard[] {
  try {
    const raw = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '[]') as unknown;
    if (!Array.isArray(raw)) return [];
    return newestFirst(raw.map(readEntry).filter((b): b is RecentBoard => b !== null));
  } catch {
    return [];
  }
}

function save(list: RecentBoard[], storage: Storage | undefined): RecentBoard[] {
  const next = newestFirst(list).slice(0, MAX_RECENT);
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // A full or refused storage only costs the list its memory; the board itself is unaffected.
  }
  return next;
}

/** Records a visit (or a new title, new counts) of a board; also puts back a board just forgotten. */
export function rememberBoard(board: RecentBoard, storage: Storage | undefined = globalThis.localStorage): RecentBoard[] {
  return save([board, ...loadRecentBoards(storage).filter((b) => b.id !== board.id)], storage);
}

/** Forgets a board in this browser's list only: the board, its content and this browser's access to it stay. */
export function forgetBoard(id: string, storage: Storage | undefined = globalThis.localStorage): RecentBoard[] {
  return save(
    loadRecentBoards(storage).filter((b) => b.id !== id),
    storage,
  );
}
