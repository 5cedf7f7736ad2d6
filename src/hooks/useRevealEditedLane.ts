import { useEffect, useRef } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { revealRect } from '../canvas/reveal';
import type { MatrixLayout } from '../model/layout';
import { useUiStore } from '../store';

/**
 * A stage or channel whose name is being edited (a new one is, at once) is brought into view:
 * the board moves just enough, at the same zoom, so the person sees what they type.
 */
export function useRevealEditedLane(layout: MatrixLayout | null): void {
  const editing = useUiStore((s) => s.editing);
  const { setViewport } = useReactFlow();
  const store = useStoreApi();
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (!editing || (editing.kind !== 'stages' && editing.kind !== 'channels')) {
      shown.current = null;
      return;
    }
    const { kind, id } = editing;
    const rect = layout?.[kind].find((l) => l.id === id);
    if (!rect || shown.current === id) return;
    shown.current = id;
    const { transform, width, height } = store.getState();
    const next = revealRect({ x: transform[0], y: transform[1], zoom: transform[2] }, width, height, rect);
    if (next) void setViewport(next, { duration: 250 });
  }, [editing, layout, setViewport, store]);
}
