import { useEffect, useState } from 'react';
import { useStoreApi, type ReactFlowState } from '@xyflow/react';
import type { MatrixNode } from '../canvas/matrixNodes';
import { FIRST_SLICE, NEXT_SLICE, stageNodes, type StageView } from '../canvas/stagedNodes';

const viewOf = ({ transform: [x, y, zoom], width, height }: ReactFlowState<MatrixNode>): StageView => ({ x, y, zoom, width, height });

/**
 * The nodes to hand React Flow: `nodes`, with the far nodes of a change that moves many of them
 * handed over in slices, one per frame after it (src/canvas/stagedNodes.ts). Must be used
 * inside the React Flow provider.
 */
export function useStagedNodes(nodes: MatrixNode[]): MatrixNode[] {
  const store = useStoreApi<MatrixNode>();
  const [staged, setStaged] = useState({ target: nodes, shown: nodes });
  let current = staged;
  if (staged.target !== nodes) {
    // A new target: what can be seen of it goes in this very render.
    current = { target: nodes, shown: stageNodes(staged.shown, nodes, viewOf(store.getState()), FIRST_SLICE) };
    setStaged(current);
  }
  const { target, shown } = current;
  useEffect(() => {
    if (shown === target) return;
    const frame = requestAnimationFrame(() =>
      setStaged((s) => (s.target === target ? { target, shown: stageNodes(s.shown, target, viewOf(store.getState()), NEXT_SLICE) } : s)),
    );
    return () => cancelAnimationFrame(frame);
  }, [store, shown, target]);
  return shown;
}
