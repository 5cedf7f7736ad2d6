import type { StateCreator } from 'zustand';

export interface PresenceSlice {
  /** The client id of the person whose view this client follows, if any. */
  following: number | null;
  /** Colours of the other people editing each card, by touchpoint id. */
  peerEditing: Record<string, string[]>;
  setFollowing(clientId: number | null): void;
  setPeerEditing(map: Record<string, string[]>): void;
}

function sameEditing(a: Record<string, string[]>, b: Record<string, string[]>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k]?.join() === b[k]?.join());
}

export const createPresenceSlice: StateCreator<PresenceSlice, [], [], PresenceSlice> = (set) => ({
  following: null,
  peerEditing: {},
  setFollowing: (following) => set({ following }),
  setPeerEditing: (map) => set((s) => (sameEditing(s.peerEditing, map) ? s : { peerEditing: map })),
});
