import type { StateCreator } from 'zustand';
import { newId } from '../model/ids';
import { loadIdentity, PRESENCE_COLORS, saveIdentity, type Identity } from '../sync/presence';

export interface IdentitySlice {
  /** Who this browser's person is: remembered, or a provisional one until they choose. */
  identity: Identity;
  /** False until the person has chosen a name in this browser. */
  identityChosen: boolean;
  chooseIdentity(identity: Identity): void;
}

function provisional(): Identity {
  return {
    id: newId(),
    name: `Participant·e ${Math.floor(10 + Math.random() * 90)}`,
    color: PRESENCE_COLORS[Math.floor(Math.random() * PRESENCE_COLORS.length)] ?? '#2563eb',
  };
}

export const createIdentitySlice: StateCreator<IdentitySlice, [], [], IdentitySlice> = (set) => {
  const stored = loadIdentity();
  return {
    identity: stored ?? provisional(),
    identityChosen: stored !== null,
    chooseIdentity: (identity) => {
      saveIdentity(identity);
      set({ identity, identityChosen: true });
    },
  };
};
