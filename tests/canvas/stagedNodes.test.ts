import { describe, expect, it } from 'vitest';
import type { MatrixNode } from '../../src/canvas/matrixNodes';
import { stageNodes, type StageView } from '../../src/canvas/stagedNodes';
import { sized } from '../../src/canvas/cardNodes';

/** A 1 000 × 800 screen on the canvas's top-left corner, at zoom 1. */
const VIEW: StageView = { x: 0, y: 0, zoom: 1, width: 1000, height: 800 };

function card(id: string, x: number, y: number, evaluation: string | null = null): MatrixNode {
  return {
    id,
    type: 'touchpoint',
    ...sized(x, y, 200, 90),
    data: { touchpoint: { id, evaluation } as never, editing: false, change: null },
    selected: false,
    draggable: false,
    zIndex: 10,
  } as MatrixNode;
}

const moved = (n: MatrixNode, dy: number): MatrixNode => ({ ...n, position: { x: n.position.x, y: n.position.y + dy } });

/** Ten cards in view and forty far below it. */
function board(): MatrixNode[] {
  const near = Array.from({ length: 10 }, (_, i) => card(`near${i}`, 100, i * 70));
  const far = Array.from({ length: 40 }, (_, i) => card(`far${i}`, 100, 5000 + i * 100));
  return [...near, ...far];
}

describe('handing React Flow many moved nodes', () => {
  it('hands over at once the nodes in or near the view and holds the far ones that only moved', () => {
    const shown = board();
    const target = shown.map((n) => moved(n, 100));
    const out = stageNodes(shown, target, VIEW, 0);
    expect(out.map((n) => n.id)).toEqual(target.map((n) => n.id));
    out.forEach((n, i) => expect(n).toBe(n.id.startsWith('near') ? target[i] : shown[i]));
  });

  it('holds a far cell that only grew, its data made anew with the same values', () => {
    const cell = (height: number): MatrixNode =>
      ({
        id: 'cell:s:c',
        type: 'cell',
        ...sized(100, 5000, 260, height),
        data: { stageId: 's', channelId: 'c', isDropTarget: false },
      }) as MatrixNode;
    const shown = [...board(), cell(400)];
    const target = [...shown.slice(0, -1).map((n) => moved(n, 100)), cell(500)];
    expect(stageNodes(shown, target, VIEW, 0).at(-1)).toBe(shown.at(-1));
    const highlighted = { ...target.at(-1)!, data: { stageId: 's', channelId: 'c', isDropTarget: true } } as MatrixNode;
    expect(stageNodes(shown, [...target.slice(0, -1), highlighted], VIEW, 0).at(-1)).toBe(highlighted);
  });

  it('hands over at once a far node whose content changed, and one that moves into the view', () => {
    const shown = board();
    const target = shown.map((n) => moved(n, 100));
    target[20] = moved(card('far10', 100, 6000, 'pain'), 100);
    target[30] = { ...shown[30]!, position: { x: 100, y: 300 } };
    const out = stageNodes(shown, target, VIEW, 0);
    expect(out[20]).toBe(target[20]);
    expect(out[30]).toBe(target[30]);
    expect(out[31]).toBe(shown[31]);
  });

  it('hands the held nodes over a slice at a time, then the target itself', () => {
    const shown = board();
    const target = shown.map((n) => moved(n, 100));
    let out = stageNodes(shown, target, VIEW, 0);
    const held = (nodes: MatrixNode[]) => nodes.filter((n, i) => n !== target[i]).length;
    expect(held(out)).toBe(40);
    out = stageNodes(out, target, VIEW, 15);
    expect(held(out)).toBe(25);
    out = stageNodes(out, target, VIEW, 15);
    expect(held(out)).toBe(10);
    out = stageNodes(out, target, VIEW, 15);
    expect(out).toBe(target);
  });

  it('hands over the held nodes the view has come to, whatever the slice', () => {
    const shown = board();
    const target = shown.map((n) => moved(n, 100));
    const held = stageNodes(shown, target, VIEW, 0);
    // Panned down to the far cards: the screen now shows canvas y 5 000 to 5 800.
    const out = stageNodes(held, target, { ...VIEW, y: -5000 }, 0);
    const released = out.filter((n, i) => n === target[i] && n !== held[i]).map((n) => n.id);
    expect(released).toContain('far3');
    expect(released).not.toContain('far39');
  });

  it('hands over new nodes at once, drops removed ones, and keeps the previous array when nothing moves', () => {
    const shown = board();
    const target = [...shown.slice(1), card('new', 100, 9000)];
    const out = stageNodes(shown, target, VIEW, 0);
    expect(out).toBe(target);
    expect(stageNodes(shown, shown, VIEW, 0)).toBe(shown);
  });

  it('holds nothing back while the view has no size', () => {
    const shown = board();
    const target = shown.map((n) => moved(n, 100));
    expect(stageNodes(shown, target, { ...VIEW, width: 0, height: 0 }, 0)).toBe(target);
    expect(stageNodes(shown, target, null, 0)).toBe(target);
  });
});
