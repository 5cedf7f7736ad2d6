import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { cellOfNode } from '../canvas/nodeIds';

/** Frames to wait for the stage's header to be drawn (after switching journey). */
const WAIT_FRAMES = 60;

/** Fits the canvas to one stage's column, headers to the last band, when `stageId` is set. */
export function useStageFocus(stageId: string | null): void {
  const flow = useReactFlow();
  useEffect(() => {
    if (!stageId) return;
    let frames = 0;
    let handle = 0;
    const fit = () => {
      const header = flow.getInternalNode(`stages:${stageId}`);
      if (!header) {
        if (++frames < WAIT_FRAMES) handle = requestAnimationFrame(fit);
        return;
      }
      const { x, y } = header.internals.positionAbsolute;
      const width = header.measured.width ?? header.width ?? 0;
      // The column from its header to the last cell of the matrix: the stage's cards, readable.
      const column = flow.getNodes().filter((n) => cellOfNode(n.id)?.stageId === stageId);
      const bottom = Math.max(
        y + (header.measured.height ?? 0),
        ...column.map((n) => n.position.y + (n.height ?? n.measured?.height ?? 0)),
      );
      void flow.fitBounds({ x, y, width, height: bottom - y }, { padding: 0.08, duration: 400 });
    };
    fit();
    return () => cancelAnimationFrame(handle);
  }, [flow, stageId]);
}
