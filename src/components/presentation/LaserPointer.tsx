import { ViewportPortal } from '@xyflow/react';
import { usePeerActivity } from '../../hooks/usePeerActivity';

/** The presenter's pointer, big and red for those who follow: what they point at on the map. */
export function LaserPointer({ clientId }: { clientId: number }) {
  const peers = usePeerActivity();
  const cursor = peers.find((p) => p.clientId === clientId)?.cursor;
  if (!cursor) return null;
  return (
    <ViewportPortal>
      <div className="laser-pointer export-exclude" style={{ transform: `translate(${cursor.x}px, ${cursor.y}px)` }} aria-hidden="true" />
    </ViewportPortal>
  );
}
