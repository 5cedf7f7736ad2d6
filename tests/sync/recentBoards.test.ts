import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addTouchpoint, initBoard } from '../../src/doc/commands';
import { readBoard } from '../../src/doc/projection';
import { defaultBoard } from '../../src/model/defaults';
import { GRID_MAX_COUNT, GRID_MAX_LANES, loadRecentBoards, rememberBoard, summariseBoard } from '../../src/sync/recentBoards';

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

describe('summariseBoard', () => {
  it('counts journeys and touchpoints, and the cards of each cell of the first journey', () => {
    const doc = new Y.Doc();
    const journeyId = initBoard(doc, defaultBoard('fr'))!.journeyId;
    const b = readBoard(doc);
    const [s0, s1] = b.stages;
    const [c0, , c2] = b.channels;
    addTouchpoint(doc, { journeyId, stageId: s0!.id, channelId: c0!.id }, 'Je découvre');
    addTouchpoint(doc, { journeyId, stageId: s0!.id, channelId: c0!.id }, 'Je compare');
    addTouchpoint(doc, { journeyId, stageId: s1!.id, channelId: c2!.id }, 'J’achète');
    const summary = summariseBoard(readBoard(doc));
    expect(summary.journeys).toBe(1);
    expect(summary.touchpoints).toBe(3);
    expect(summary.grid).toHaveLength(b.channels.length);
    expect(summary.grid[0]![0]).toBe(2);
    expect(summary.grid[2]![1]).toBe(1);
    expect(summary.grid.flat().reduce((a, n) => a + n, 0)).toBe(3);
  });

  it('stays a few bytes for any board: lanes and counts are capped', () => {
    const doc = new Y.Doc();
    const journeyId = initBoard(doc, {
      ...defaultBoard('fr'),
      stages: Array.from({ length: 20 }, (_, i) => `É${i}`),
      channels: Array.from({ length: 20 }, (_, i) => `C${i}`),
    })!.journeyId;
    const b = readBoard(doc);
    for (let i = 0; i < GRID_MAX_COUNT + 5; i++)
      addTouchpoint(doc, { journeyId, stageId: b.stages[0]!.id, channelId: b.channels[0]!.id }, `Je ${i}`);
    const { grid } = summariseBoard(readBoard(doc));
    expect(grid).toHaveLength(GRID_MAX_LANES);
    expect(grid.every((row) => row.length === GRID_MAX_LANES)).toBe(true);
    expect(grid[0]![0]).toBe(GRID_MAX_COUNT);
  });
});

describe('the recent list in storage', () => {
  it('keeps the counts with the entry, and drops counts that do not read right but not the board', () => {
    const storage = memoryStorage();
    rememberBoard({ id: 'aaaaaaaaaaaaaaaaaaaaaa', title: 'A', lastOpened: 1, journeys: 2, touchpoints: 5, grid: [[1, 2]] }, storage);
    expect(loadRecentBoards(storage)[0]).toEqual({
      id: 'aaaaaaaaaaaaaaaaaaaaaa',
      title: 'A',
      lastOpened: 1,
      journeys: 2,
      touchpoints: 5,
      grid: [[1, 2]],
    });
    storage.setItem(
      'parcours.recentBoards',
      JSON.stringify([
        { id: 'aaaaaaaaaaaaaaaaaaaaaa', title: 'A', lastOpened: 1, journeys: 2, touchpoints: 5, grid: [[1, 99]] },
        { id: '../etc', title: 'x', lastOpened: 2 },
      ]),
    );
    expect(loadRecentBoards(storage)).toEqual([{ id: 'aaaaaaaaaaaaaaaaaaaaaa', title: 'A', lastOpened: 1 }]);
  });

  it('answers newest first after a board is put back', () => {
    const storage = memoryStorage();
    rememberBoard({ id: 'aaaaaaaaaaaaaaaaaaaaaa', title: 'A', lastOpened: 1 }, storage);
    rememberBoard({ id: 'bbbbbbbbbbbbbbbbbbbbbb', title: 'B', lastOpened: 2 }, storage);
    expect(rememberBoard({ id: 'aaaaaaaaaaaaaaaaaaaaaa', title: 'A', lastOpened: 1 }, storage).map((b) => b.title)).toEqual(['B', 'A']);
  });
});
