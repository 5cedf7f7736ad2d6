import { useUiStore } from '../store';
import { useBoardSession } from './boardContext';
import { useWorkshop } from './useWorkshop';

export interface Capabilities {
  /** May change cards: touchpoints, pain points, emotions, comments, votes. */
  canEdit: boolean;
  /** May change the structure: stages, channels, journeys, templates, framing. */
  canEditStructure: boolean;
  /** The facilitator who locked the structure, when it is locked for this person. */
  lockedBy: string | null;
}

/**
 * What this person may do here, from their role and the structure lock. The relay enforces
 * the same rules; the interface only avoids offering what would be refused.
 */
export function useCapabilities(): Capabilities {
  const { role } = useBoardSession();
  const { lock } = useWorkshop();
  const me = useUiStore((s) => s.identity.id);
  const lockedForMe = lock !== null && lock.by !== me;
  return {
    canEdit: role !== 'viewer',
    canEditStructure: role === 'facilitator' && !lockedForMe,
    lockedBy: lockedForMe ? lock.name : null,
  };
}
