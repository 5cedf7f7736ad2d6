import { painPointFromTouchpoint } from '../../doc/commands';
import { useBoard } from '../../hooks/useBoard';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useT } from '../../hooks/useT';

/**
 * Red cards no pain point mentions yet, each to turn into one. Shown only while open: their
 * texts are read from the board as it is now (the canvas's own copy of the cards skips typing).
 */
export function PainSuggestionList({ touchpointIds }: { touchpointIds: readonly string[] }) {
  const t = useT();
  const { doc } = useBoardSession();
  const board = useBoard();
  const texts = new Map(board.touchpoints.map((tp) => [tp.id, tp.text]));
  return (
    <ul className="popover nodrag nowheel">
      {touchpointIds.map((id) => (
        <li key={id}>
          <button type="button" className="popover__item" onClick={() => painPointFromTouchpoint(doc, id)}>
            {t('pain.fromTouchpoint', { text: texts.get(id) ?? '' })}
          </button>
        </li>
      ))}
    </ul>
  );
}
