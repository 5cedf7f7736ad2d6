import { togglePainPointTouchpoint } from '../../doc/commands';
import { useBoard } from '../../hooks/useBoard';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useT } from '../../hooks/useT';
import type { PainPoint } from '../../model/types';

/**
 * The cards of a pain point's stage, each to tick as concerned by it. Shown only while open: it
 * reads every card's text, so it follows every edit of the board while it is there.
 */
export function PainLinkList({ pain, stageId, journeyId }: { pain: PainPoint; stageId: string; journeyId: string }) {
  const t = useT();
  const { doc } = useBoardSession();
  const board = useBoard();
  const stageCards = board.touchpoints.filter((tp) => tp.journeyId === journeyId && tp.stageId === stageId);
  return (
    <ul className="popover nodrag nowheel" aria-label={t.plural('pain.links', pain.touchpointIds.length)}>
      {stageCards.map((tp) => (
        <li key={tp.id}>
          <label className="popover__item">
            <input
              type="checkbox"
              checked={pain.touchpointIds.includes(tp.id)}
              onChange={() => togglePainPointTouchpoint(doc, pain.id, tp.id)}
            />{' '}
            {tp.text || '…'}
          </label>
        </li>
      ))}
    </ul>
  );
}
