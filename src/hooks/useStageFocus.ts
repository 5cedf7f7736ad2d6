import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';

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
      const all = flow.getNodesBounds(flow.getNodes());
      const { x } = header.internals.positionAbsolute;
      const width = header.measured.width ?? header.width ?? 0;
      void flow.fitBounds({ x, y: all.y, width, height: all.height }, { padding: 0.04, duration: 400 });
    };
    fit();
    return () => cancelAnimationFrame(handle);
  }, [flow, stageId]);
}
