import { useCallback, useEffect, useState } from 'react';
import { announce, loadIdentity, PRESENCE_COLORS, saveIdentity, type Identity } from '../sync/presence';
import { useBoardSession } from './boardContext';
import { useT } from './useT';

export interface IdentityState {
  identity: Identity;
  /** False until the person has chosen a name in this browser. */
  chosen: boolean;
  save(identity: Identity): void;
}

/** This person's name and colour, announced to everyone on the board. */
export function useIdentity(): IdentityState {
  const t = useT();
  const { connection } = useBoardSession();
  const [stored, setStored] = useState(() => loadIdentity());
  const [fallback] = useState<Identity>(() => ({
    name: t('identity.defaultName', { n: Math.floor(10 + Math.random() * 90) }),
    color: PRESENCE_COLORS[Math.floor(Math.random() * PRESENCE_COLORS.length)] ?? '#2563eb',
  }));
  const identity = stored ?? fallback;
  useEffect(() => {
    announce(connection.awareness, identity);
  }, [connection, identity]);
  const save = useCallback((next: Identity) => {
    saveIdentity(next);
    setStored(next);
  }, []);
  return { identity, chosen: stored !== null, save };
}
