import { useUiStore } from '../store';
import { useBoardSession } from './useBoardSession';
import { useWorkshop } from './useWorkshop';

export interface Capabilities {
  /**
   * May change the board's content: touchpoints (text, evaluation, moment of truth, place),
   * pain points, emotions, extra-row cards, priority actions, comments, dots; paste, import and
   * undo. False for a viewer, who is offered no way to change anything.
   */
  canEdit: boolean;
  /** May change the structure: stages, channels, journeys, templates, framing, personas, stage details. */
  canEditStructure: boolean;
  /** May run the workshop: timer, votes, versions, share links, bring everyone here. */
  canFacilitate: boolean;
  /** The facilitator who locked the structure, when it is locked for this person. */
  lockedBy: string | null;
}

/**
 * What this person may do here, from their role and the structure lock: the one place the
 * interface asks. The relay enforces the roles; the interface does not offer what it would refuse.
 */
export function useCapabilities(): Capabilities {
  const { role } = useBoardSession();
  const { lock } = useWorkshop();
  const me = useUiStore((s) => s.identity.id);
  const lockedForMe = lock !== null && lock.by !== me;
  return {
    canEdit: role !== 'viewer',
    canEditStructure: role === 'facilitator' && !lockedForMe,
    canFacilitate: role === 'facilitator',
    lockedBy: lockedForMe ? lock.name : null,
  };
}
