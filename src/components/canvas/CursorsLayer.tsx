import { ViewportPortal } from '@xyflow/react';
import { useApplyPresence } from '../../hooks/useApplyPresence';
import { useCurrentJourney } from '../../hooks/useCurrentJourney';
import { usePeerActivity } from '../../hooks/usePeerActivity';

/**
 * The pointers of the other people looking at the same journey, with their names. It re-renders
 * whenever someone moves, so it also applies the rest of what they share (the canvas does not).
 */
export function CursorsLayer() {
  useApplyPresence();
  const peers = usePeerActivity();
  const journey = useCurrentJourney();
  const shown = peers.filter((p) => !p.isSelf && p.cursor && (p.journeyId === null || p.journeyId === journey?.id));
  return (
    <ViewportPortal>
      {shown.map((p) => (
        <div
          key={p.clientId}
          className="cursor export-exclude"
          style={{ transform: `translate(${p.cursor!.x}px, ${p.cursor!.y}px)`, color: p.color }}
          aria-hidden="true"
        >
          <svg width="18" height="22" viewBox="0 0 18 22">
            <path d="M1 1 L1 17 L5.5 13 L9 21 L12 19.5 L8.5 12 L15 12 Z" fill="currentColor" stroke="#fff" strokeWidth="1.5" />
          </svg>
          <span className="cursor__name" style={{ background: p.color }}>
            {p.name}
          </span>
        </div>
      ))}
    </ViewportPortal>
  );
}
