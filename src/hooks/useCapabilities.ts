import { capabilitiesOf, type RoleCapabilities } from '../model/roles';
import { useUiStore } from '../store';
import { useBoardSession } from './useBoardSession';
import { useWorkshop } from './useWorkshop';

export interface Capabilities extends Pick<RoleCapabilities, 'canEdit' | 'canEditStructure' | 'canFacilitate'> {
  /** The facilitator who locked the structure, when it is locked for this person. */
  lockedBy: string | null;
}

/**
 * What this person may do here: their role's capabilities (src/model/roles.ts), with the
 * structure closed while another facilitator holds the lock. The one place the interface asks.
 */
export function useCapabilities(): Capabilities {
  const { role } = useBoardSession();
  const { lock } = useWorkshop();
  const me = useUiStore((s) => s.identity.id);
  const lockedForMe = lock !== null && lock.by !== me;
  const { canEdit, canEditStructure, canFacilitate } = capabilitiesOf(role);
  return {
    canEdit,
    canEditStructure: canEditStructure && !lockedForMe,
    canFacilitate,
    lockedBy: lockedForMe ? lock.name : null,
  };
}
