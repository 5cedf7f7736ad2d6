/**
 * The matrix's nodes from one build to the next: every node whose input did not change is the
 * previous object (cards through their memo, the few others by comparison), and when none
 * changed the previous array itself comes back, so React Flow is handed nothing new.
 */
import { createCardMemo } from './cardNodes';
import { buildMatrixNodes, reuseUnchanged, type BuildInput, type MatrixNode } from './matrixNodes';

export type MatrixDerivation = (input: Omit<BuildInput, 'cards'>) => MatrixNode[];

export function createMatrixDerivation(): MatrixDerivation {
  const cards = createCardMemo();
  let previous = new Map<string, MatrixNode>();
  let last: MatrixNode[] = [];
  return (input) => {
    const next = reuseUnchanged(previous, buildMatrixNodes({ ...input, cards }));
    cards.sweep();
    if (next.length === last.length && next.every((n, i) => n === last[i])) return last;
    previous = new Map(next.map((n) => [n.id, n]));
    last = next;
    return next;
  };
}
