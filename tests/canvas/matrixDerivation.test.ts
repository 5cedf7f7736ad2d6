import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMatrixDerivation } from '../../src/canvas/matrixDerivation';
import type { MatrixNode } from '../../src/canvas/matrixNodes';
import { moveTouchpoint, setTouchpointEvaluation, setTouchpointText } from '../../src/doc/commands';
import { createLiveBoard, type LiveBoard } from '../../src/doc/liveBoard';
import { layoutMatrix } from '../../src/model/layout';
import { journeyAround, journeyMatrix } from '../../src/model/matrix';
import type { BoardSnapshot } from '../../src/model/types';
import { bigBoard } from '../helpers/richBoard';

const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'remote');

/** What the canvas derives from the board's structure, as useMatrix does. */
function deriver(journeyId: string) {
  const derive = createMatrixDerivation();
  return (board: BoardSnapshot, selectedId: string | null = null): MatrixNode[] => {
    const matrix = journeyMatrix(board, journeyId);
    const around = journeyAround(board, journeyId, matrix.stages);
    const layout = layoutMatrix(matrix.stages, matrix.channels, matrix.cellCards, matrix.unplaced, [
      { kind: 'emotions' },
      { kind: 'painPoints', counts: new Map() },
    ]);
    return derive({
      title: board.meta.title,
      journeyId,
      matrix,
      layout,
      editing: null,
      selectedId,
      dropCellId: null,
      around,
      compare: null,
    });
  };
}

/** A board of 1 000 cards open here (its live board read once), and a peer editing the same board. */
function openBoard() {
  const b = bigBoard(1000);
  const peer = new Y.Doc();
  sync(b.doc, peer);
  const live: LiveBoard = createLiveBoard(b.doc);
  const derive = deriver(b.journeyId);
  const cards = live.getSnapshot().touchpoints.filter((t) => t.journeyId === b.journeyId);
  return { ...b, peer, live, derive, cards, before: derive(live.getStructureSnapshot()) };
}

const changedIds = (before: MatrixNode[], after: MatrixNode[]) => {
  const old = new Map(before.map((n) => [n.id, n]));
  return after.filter((n) => n !== old.get(n.id)).map((n) => n.id);
};

describe('the canvas derivation, edit by edit', () => {
  it('hands React Flow nothing new when a card is reworded remotely: the structure did not change', () => {
    const { doc, peer, live, derive, cards, before } = openBoard();
    const structure = live.getStructureSnapshot();
    setTouchpointText(peer, cards[500]!.id, 'Je paie en trois fois');
    sync(peer, doc);
    expect(live.getStructureSnapshot()).toBe(structure);
    expect(derive(live.getStructureSnapshot())).toBe(before);
    expect(live.getRecord('touchpoints', cards[500]!.id)?.text).toBe('Je paie en trois fois');
  });

  it('leaves every other node object identical when one card is re-evaluated remotely', () => {
    const { doc, peer, live, derive, cards, before } = openBoard();
    const card = cards.find((c) => c.evaluation !== 'pain')!;
    setTouchpointEvaluation(peer, card.id, 'pain');
    sync(peer, doc);
    const after = derive(live.getStructureSnapshot());
    // The card, its stage's health in the header, and the red cards offered as pain points of its stage.
    expect(changedIds(before, after).sort()).toEqual([`pain:${card.stageId}`, `stages:${card.stageId}`, `tp:${card.id}`].sort());
    expect(after).toHaveLength(before.length);
  });

  it('changes only the cards of one cell when a card moves inside it', () => {
    const { doc, peer, live, derive, cards, before } = openBoard();
    const cell = cards.filter((c) => c.stageId === cards[0]!.stageId && c.channelId === cards[0]!.channelId);
    const moved = cell[cell.length - 1]!;
    moveTouchpoint(peer, moved.id, { stageId: cell[0]!.stageId, channelId: cell[0]!.channelId, index: 0 });
    sync(peer, doc);
    const changed = changedIds(before, derive(live.getStructureSnapshot()));
    expect(changed.filter((id) => id.startsWith('tp:')).length).toBeGreaterThan(1);
    // A red card that moves also reorders the red cards its stage offers as pain points.
    const allowed = new Set([...cell.map((c) => `tp:${c.id}`), `pain:${moved.stageId}`]);
    expect(changed.filter((id) => !allowed.has(id))).toEqual([]);
  });

  it('keeps every node at its place in the array when a card moves to an earlier cell', () => {
    const { doc, peer, live, derive, cards, before } = openBoard();
    const last = cards[cards.length - 1]!;
    moveTouchpoint(peer, last.id, { stageId: cards[0]!.stageId, channelId: cards[0]!.channelId, index: 0 });
    sync(peer, doc);
    const after = derive(live.getStructureSnapshot());
    expect(after.map((n) => n.id)).toEqual(before.map((n) => n.id));
    expect(after.find((n) => n.id === `tp:${last.id}`)?.position).not.toEqual(before.find((n) => n.id === `tp:${last.id}`)?.position);
  });

  it('keeps the data of the cards that only moved when a card moves to another cell', () => {
    const { doc, peer, live, derive, cards, before } = openBoard();
    const moved = cards[0]!;
    const into = cards.find((c) => c.stageId === moved.stageId && c.channelId !== moved.channelId)!;
    moveTouchpoint(peer, moved.id, { stageId: into.stageId, channelId: into.channelId, index: 0 });
    sync(peer, doc);
    const after = derive(live.getStructureSnapshot());
    const old = new Map(before.map((n) => [n.id, n]));
    const shifted = after.filter((n) => n.type === 'touchpoint' && n.id !== `tp:${moved.id}` && n !== old.get(n.id));
    // The cards below it in its first cell and in its new one (and the rows below if a row changed height).
    expect(shifted.length).toBeGreaterThan(1);
    for (const n of shifted) {
      expect(n.position).not.toEqual(old.get(n.id)?.position);
      expect(n.data).toBe(old.get(n.id)?.data);
    }
    expect(after.find((n) => n.id === `tp:${moved.id}`)?.data).not.toBe(old.get(`tp:${moved.id}`)?.data);
  });

  it('changes the selected card and the one before it, nothing else, when the selection moves', () => {
    const { live, derive, cards } = openBoard();
    const first = derive(live.getStructureSnapshot(), cards[3]!.id);
    const second = derive(live.getStructureSnapshot(), cards[700]!.id);
    expect(changedIds(first, second).sort()).toEqual([`tp:${cards[3]!.id}`, `tp:${cards[700]!.id}`].sort());
  });
});
