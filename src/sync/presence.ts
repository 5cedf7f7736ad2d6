/** Presence: who is on the board, shared through awareness (never stored in the document). */
import type { Awareness } from 'y-protocols/awareness';

export interface Identity {
  name: string;
  color: string;
}

export interface Peer extends Identity {
  clientId: number;
  isSelf: boolean;
}

/** Colours readable as text on white and distinct from the evaluation colours' meaning. */
export const PRESENCE_COLORS = ['#2563eb', '#7c3aed', '#db2777', '#0891b2', '#4d7c0f', '#b45309', '#475569', '#9333ea'];

const STORAGE_KEY = 'parcours.identity';

/** The identity remembered by this browser, or null on a first visit. */
export function loadIdentity(storage: Storage | undefined = globalThis.localStorage): Identity | null {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<Identity>;
    if (typeof v.name === 'string' && v.name.trim() && typeof v.color === 'string' && /^#[0-9a-f]{6}$/i.test(v.color)) {
      return { name: v.name.trim().slice(0, 40), color: v.color };
    }
  } catch {
    // A corrupt entry is treated as no identity: the person is simply asked again.
  }
  return null;
}

export function saveIdentity(identity: Identity, storage: Storage | undefined = globalThis.localStorage): void {
  storage?.setItem(STORAGE_KEY, JSON.stringify(identity));
}

/** Publishes this client's name and colour to everyone on the board. */
export function announce(awareness: Awareness, identity: Identity): void {
  awareness.setLocalStateField('user', identity);
}

/** Everyone currently present, this client first. */
export function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const user = (state as { user?: Partial<Identity> }).user;
    if (!user || typeof user.name !== 'string' || typeof user.color !== 'string') return;
    peers.push({ clientId, name: user.name.slice(0, 40), color: user.color, isSelf: clientId === awareness.clientID });
  });
  return peers.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
}
