/**
 * The matrix's nodes from one build to the next: every node whose input did not change is the
 * previous object (cards through their memo, the few others by comparison), and when none
 * changed the previous array itself comes back, so React Flow is handed nothing new.
 *
 * Nodes also keep their place in the array, new ones coming last: React Flow draws them in that
 * order, and a card moved to an earlier cell would otherwise make the browser move hundreds of
 * cards' elements. (What is drawn above what is set by their z-index, not by this order.)
 */
import { createCardMemo } from './cardNodes';
import { buildMatrixNodes, reuseUnchanged, type BuildInput, type MatrixNode } from './matrixNodes';

export type MatrixDerivation = (input: Omit<BuildInput, 'cards'>) => MatrixNode[];

export function createMatrixDerivation(): MatrixDerivation {
  const cards = createCardMemo();
  let previous = new Map<string, MatrixNode>();
  let last: MatrixNode[] = [];
  return (input) => {
    const next = inPlaceOf(last, reuseUnchanged(previous, buildMatrixNodes({ ...input, cards })));
    cards.sweep();
    if (next.length === last.length && next.every((n, i) => n === last[i])) return last;
    previous = new Map(next.map((n) => [n.id, n]));
    last = next;
    return next;
  };
}

/** `next` in the order of `before` for the nodes it had, then the new ones in their own order. */
function inPlaceOf(before: readonly MatrixNode[], next: MatrixNode[]): MatrixNode[] {
  if (before.length === 0) return next;
  const byId = new Map(next.map((n) => [n.id, n]));
  const out: MatrixNode[] = [];
  for (const old of before) {
    const node = byId.get(old.id);
    if (!node) continue;
    out.push(node);
    byId.delete(old.id);
  }
  for (const node of byId.values()) out.push(node);
  return out;
}
