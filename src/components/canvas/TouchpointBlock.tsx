import { useCapabilities } from '../../hooks/useCapabilities';
import { useT } from '../../hooks/useT';
import type { TouchpointChange } from '../../model/compare';
import type { Touchpoint } from '../../model/types';
import { useUiStore } from '../../store';
import { touchpointName } from './touchpointName';

/**
 * A card drawn as a plain block in its evaluation's colour: how it is seen zoomed far out, and
 * while it is away from the view. It keeps the card's name for assistive technologies, and a
 * double-click still opens its editor.
 */
export function TouchpointBlock({
  touchpoint,
  selected,
  change,
}: {
  touchpoint: Touchpoint;
  selected: boolean;
  change: TouchpointChange | null;
}) {
  const t = useT();
  const { canEdit } = useCapabilities();
  const classes = [
    'touchpoint',
    'touchpoint--block',
    `touchpoint--${touchpoint.evaluation ?? 'none'}`,
    selected ? 'touchpoint--selected' : '',
    touchpoint.momentOfTruth ? 'touchpoint--moment' : '',
    ...(change?.kinds.map((k) => `touchpoint--${k}`) ?? []),
  ].filter(Boolean);
  return (
    <article
      className={classes.join(' ')}
      aria-label={touchpointName(touchpoint, change, t)}
      onDoubleClick={(e) => {
        e.stopPropagation();
        if (!canEdit) return;
        const ui = useUiStore.getState();
        ui.select(touchpoint.id);
        ui.startEditing({ kind: 'touchpoint', id: touchpoint.id });
      }}
    />
  );
}
