import { useEffect } from 'react';
import { useUiStore } from '../store';
import { announce, type Identity } from '../sync/presence';
import { useBoardSession } from './useBoardSession';

export interface IdentityState {
  identity: Identity;
  /** False until the person has chosen a name in this browser. */
  chosen: boolean;
  save(identity: Identity): void;
}

/** This person's name and colour (one for the whole page), announced to everyone on the board. */
export function useIdentity(): IdentityState {
  const { connection, role } = useBoardSession();
  const identity = useUiStore((s) => s.identity);
  const chosen = useUiStore((s) => s.identityChosen);
  const save = useUiStore((s) => s.chooseIdentity);
  useEffect(() => {
    announce(connection.awareness, identity, role);
  }, [connection, identity, role]);
  return { identity, chosen, save };
}
