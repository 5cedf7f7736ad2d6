import { setTouchpointText } from '../../doc/commands';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useCapabilities } from '../../hooks/useCapabilities';
import { useTouchpointActions } from '../../hooks/useTouchpointActions';
import type { TouchpointChange } from '../../model/compare';
import type { Touchpoint } from '../../model/types';
import { useUiStore } from '../../store';
import { CardWorkshopBadges } from './CardWorkshopBadges';
import { TouchpointCard } from './TouchpointCard';

export interface LiveTouchpointCardProps {
  touchpoint: Touchpoint;
  selected: boolean;
  editing: boolean;
  change: TouchpointChange | null;
}

/** A card drawn whole, wired to the board's commands, the card actions, its comments and votes. */
export function LiveTouchpointCard({ touchpoint, selected, editing, change }: LiveTouchpointCardProps) {
  const { doc } = useBoardSession();
  const { canEdit } = useCapabilities();
  const startEditing = useUiStore((s) => s.startEditing);
  const stopEditing = useUiStore((s) => s.stopEditing);
  const select = useUiStore((s) => s.select);
  const actions = useTouchpointActions(touchpoint);
  const id = touchpoint.id;
  return (
    <TouchpointCard
      touchpoint={touchpoint}
      selected={selected}
      editing={editing}
      canEdit={canEdit}
      onTextChange={(text) => setTouchpointText(doc, id, text)}
      onStartEditing={() => {
        select(id);
        startEditing({ kind: 'touchpoint', id });
      }}
      onStopEditing={stopEditing}
      actions={actions}
      change={change}
      footer={<CardWorkshopBadges targetId={id} kind="touchpoints" journeyId={touchpoint.journeyId} text={touchpoint.text} />}
    />
  );
}
