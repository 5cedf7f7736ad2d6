import { describe, expect, it } from 'vitest';
import { buildMatrixNodes, reuseUnchanged, withDrag, type BuildInput, type MatrixNode } from '../../src/canvas/matrixNodes';
import { layoutMatrix } from '../../src/model/layout';
import { journeyAround, journeyMatrix } from '../../src/model/matrix';
import type { BoardSnapshot } from '../../src/model/types';
import { board, journey, lane, touchpoint } from '../helpers/records';

/** Two stages × two channels, three cards (two in one cell), one card whose channel is gone. */
function snapshot(overrides: Partial<BoardSnapshot> = {}): BoardSnapshot {
  return board({
    journeys: [journey({ id: 'j' })],
    stages: [lane({ id: 's1', name: 'Découverte', order: '1' }), lane({ id: 's2', name: 'Achat', order: '2' })],
    channels: [lane({ id: 'c1', name: 'Site web', order: '1' }), lane({ id: 'c2', name: 'Magasin', order: '2' })],
    touchpoints: [
      touchpoint({ id: 'a', stageId: 's1', channelId: 'c1', order: '1', text: 'Je cherche' }),
      touchpoint({ id: 'b', stageId: 's1', channelId: 'c1', order: '2', text: 'Je compare' }),
      touchpoint({ id: 'c', stageId: 's2', channelId: 'c2', order: '1', text: 'Je paie', evaluation: 'pain' }),
      touchpoint({ id: 'lost', stageId: 's2', channelId: 'gone', order: '1', text: 'Je suis perdu' }),
    ],
    ...overrides,
  });
}

function input(snap: BoardSnapshot, extra: Partial<BuildInput> = {}): BuildInput {
  const matrix = journeyMatrix(snap, 'j');
  const around = journeyAround(snap, 'j', matrix.stages);
  const layout = layoutMatrix(matrix.stages, matrix.channels, matrix.cellCards, matrix.unplaced, [{ kind: 'emotions' }]);
  return {
    title: snap.meta.title,
    journeyId: 'j',
    matrix,
    layout,
    editing: null,
    selectedId: null,
    dropCellId: null,
    around,
    compare: null,
    ...extra,
  };
}

const byId = (nodes: MatrixNode[]) => new Map(nodes.map((n) => [n.id, n]));

describe('buildMatrixNodes', () => {
  it('makes one node per stage, channel, cell and card, with the card counts of each lane', () => {
    const nodes = byId(buildMatrixNodes(input(snapshot())));
    expect([...nodes.keys()].filter((id) => id.startsWith('stages:'))).toEqual(['stages:s1', 'stages:s2']);
    expect([...nodes.keys()].filter((id) => id.startsWith('channels:'))).toEqual(['channels:c1', 'channels:c2']);
    expect([...nodes.keys()].filter((id) => id.startsWith('cell:'))).toHaveLength(4);
    expect([...nodes.keys()].filter((id) => id.startsWith('tp:')).sort()).toEqual(['tp:a', 'tp:b', 'tp:c', 'tp:lost']);
    const s1 = nodes.get('stages:s1');
    expect(s1?.type === 'lane' && s1.data.cardCount).toBe(2);
    const c2 = nodes.get('channels:c2');
    expect(c2?.type === 'lane' && c2.data.cardCount).toBe(1);
  });

  it('puts a card whose lane is gone in the tray, and two cards of one cell one above the other', () => {
    const nodes = byId(buildMatrixNodes(input(snapshot())));
    const tray = nodes.get('tray');
    expect(tray?.type === 'tray' && tray.data.count).toBe(1);
    const a = nodes.get('tp:a')!;
    const b = nodes.get('tp:b')!;
    expect(a.position.x).toBe(b.position.x);
    expect(b.position.y).toBeGreaterThan(a.position.y);
  });

  it('lets only the selected card be dragged, not while it is edited, and marks the drop cell', () => {
    const nodes = byId(
      buildMatrixNodes(input(snapshot(), { editing: { kind: 'touchpoint', id: 'a' }, selectedId: 'c', dropCellId: 's2|c1' })),
    );
    expect(nodes.get('tp:a')?.draggable).toBe(false);
    // Dragging across a card that is not selected pans the board instead.
    expect(nodes.get('tp:b')?.draggable).toBe(false);
    expect(nodes.get('tp:c')?.selected).toBe(true);
    expect(nodes.get('tp:c')?.draggable).toBe(true);
    const edited = byId(buildMatrixNodes(input(snapshot(), { editing: { kind: 'touchpoint', id: 'c' }, selectedId: 'c' })));
    expect(edited.get('tp:c')?.draggable).toBe(false);
    const drop = [...nodes.values()].find((n) => n.type === 'cell' && n.data.isDropTarget);
    expect(drop?.type === 'cell' && [drop.data.stageId, drop.data.channelId]).toEqual(['s2', 'c1']);
  });
});

describe('reuseUnchanged', () => {
  it('keeps every node object identical when one card is reworded: the card reads its own text', () => {
    const before = buildMatrixNodes(input(snapshot()));
    const snap = snapshot();
    const after = snapshot({ touchpoints: snap.touchpoints.map((t) => (t.id === 'c' ? { ...t, text: 'Je paie en trois fois' } : t)) });
    const next = reuseUnchanged(byId(before), buildMatrixNodes(input(after)));
    const old = byId(before);
    expect(next.filter((n) => n !== old.get(n.id)).map((n) => n.id)).toEqual([]);
    expect(next.some((n) => JSON.stringify(n.data).includes('Je paie'))).toBe(false);
  });

  it('changes only the card and its stage header when a card is re-evaluated', () => {
    const before = buildMatrixNodes(input(snapshot()));
    const snap = snapshot();
    const after = snapshot({ touchpoints: snap.touchpoints.map((t) => (t.id === 'a' ? { ...t, evaluation: 'delight' } : t)) });
    const next = reuseUnchanged(byId(before), buildMatrixNodes(input(after)));
    const old = byId(before);
    // The header shows the stage's health, counted from its cards' colours.
    expect(next.filter((n) => n !== old.get(n.id)).map((n) => n.id)).toEqual(['stages:s1', 'tp:a']);
  });

  it('hands back a fresh object for a node whose data changed deep inside', () => {
    const before = buildMatrixNodes(input(snapshot()));
    const next = reuseUnchanged(
      byId(before),
      buildMatrixNodes(input(snapshot({ meta: { schemaVersion: 2, title: 'Nouveau titre', createdAt: 0 } }))),
    );
    const title = next.find((n) => n.id === 'title');
    expect(title).not.toBe(byId(before).get('title'));
    expect(title?.type === 'title' && title.data.title).toBe('Nouveau titre');
  });
});

describe('withDrag', () => {
  it('moves only the dragged card, above the others', () => {
    const nodes = buildMatrixNodes(input(snapshot()));
    const moved = withDrag(nodes, { id: 'b', x: 900, y: 40 });
    const changed = moved.filter((n, i) => n !== nodes[i]);
    expect(changed.map((n) => n.id)).toEqual(['tp:b']);
    expect(changed[0]?.position).toEqual({ x: 900, y: 40 });
    expect(changed[0]?.zIndex).toBeGreaterThan(10);
    expect(withDrag(nodes, null)).toBe(nodes);
  });
});
