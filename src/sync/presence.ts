/** Presence: who is on the board and what they do, shared through awareness (never stored in the document). */
import type { Awareness } from 'y-protocols/awareness';
import { newId } from '../model/ids';
import { TEXT_LIMITS } from '../model/limits';
import { readRole, type Role } from '../model/roles';

export interface Identity {
  /** A stable id for this person in this browser: their votes and comments carry it. */
  id: string;
  name: string;
  color: string;
}

// Presence names each peer's role; the roles themselves are src/model/roles.ts's.

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** A facilitator's request that everyone look where they look. */
export interface Summon {
  viewport: Viewport;
  journeyId: string | null;
  at: number;
}

export interface Peer extends Identity {
  clientId: number;
  isSelf: boolean;
  role: Role;
}

/** What a peer is doing right now: pointer, view, the card being edited, a summon. */
export interface PeerActivity extends Peer {
  cursor: { x: number; y: number } | null;
  viewport: Viewport | null;
  editing: string | null;
  summon: Summon | null;
  journeyId: string | null;
}

/** Colours readable as text on white and distinct from the evaluation colours' meaning. */
export const PRESENCE_COLORS = ['#2563eb', '#7c3aed', '#db2777', '#0891b2', '#4d7c0f', '#b45309', '#475569', '#9333ea'];

const STORAGE_KEY = 'parcours.identity';

/** The longest name a person can give themselves. */
export const NAME_MAX_LENGTH = TEXT_LIMITS.personName;
/** Ids shared in presence (person, card, journey) are at most this long. */
const ID_MAX_LENGTH = 64;

/** The identity remembered by this browser, or null on a first visit. */
export function loadIdentity(storage: Storage | undefined = globalThis.localStorage): Identity | null {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<Identity>;
    if (typeof v.name === 'string' && v.name.trim() && typeof v.color === 'string' && /^#[0-9a-f]{6}$/i.test(v.color)) {
      const identity = {
        id: typeof v.id === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(v.id) ? v.id : newId(),
        name: v.name.trim().slice(0, NAME_MAX_LENGTH),
        color: v.color,
      };
      // Identities saved before ids existed get one now, kept from then on.
      if (identity.id !== v.id) saveIdentity(identity, storage);
      return identity;
    }
  } catch {
    // A corrupt entry is treated as no identity: the person is simply asked again.
  }
  return null;
}

export function saveIdentity(identity: Identity, storage: Storage | undefined = globalThis.localStorage): void {
  storage?.setItem(STORAGE_KEY, JSON.stringify(identity));
}

/**
 * Publishes this client's name, colour and role to everyone on the board. The relay replaces the
 * role with the one of this connection's link, so others read the true one.
 */
export function announce(awareness: Awareness, identity: Identity, role: Role = 'facilitator'): void {
  awareness.setLocalStateField('user', {
    id: identity.id.slice(0, ID_MAX_LENGTH),
    name: identity.name.slice(0, NAME_MAX_LENGTH),
    color: identity.color.slice(0, 7),
    role,
  });
}

/** Publishes (or clears, with null) one field of this client's activity; ids are capped in length. */
export function setActivity(awareness: Awareness, field: 'cursor' | 'viewport' | 'editing' | 'summon' | 'journeyId', value: unknown): void {
  awareness.setLocalStateField(field, typeof value === 'string' ? value.slice(0, ID_MAX_LENGTH) : value);
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function readViewport(v: unknown): Viewport | null {
  const o = v as Partial<Viewport> | null;
  return o && isNum(o.x) && isNum(o.y) && isNum(o.zoom) && o.zoom > 0 ? { x: o.x, y: o.y, zoom: o.zoom } : null;
}

/** Everyone present with what they are doing, this client first. Malformed states are skipped or trimmed. */
export function readActivity(awareness: Awareness): PeerActivity[] {
  const peers: PeerActivity[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const s = state as Record<string, unknown>;
    const user = s.user as Partial<Identity & { role: Role }> | undefined;
    if (!user || typeof user.name !== 'string' || typeof user.color !== 'string') return;
    const cursor = s.cursor as { x?: unknown; y?: unknown } | null | undefined;
    const summon = s.summon as Partial<Summon> | null | undefined;
    peers.push({
      clientId,
      id: typeof user.id === 'string' ? user.id : String(clientId),
      name: user.name.slice(0, NAME_MAX_LENGTH),
      color: /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : '#64748b',
      // The role stamped by the relay; anything else is taken for the least trusted one.
      role: readRole(user.role),
      isSelf: clientId === awareness.clientID,
      cursor: cursor && isNum(cursor.x) && isNum(cursor.y) ? { x: cursor.x, y: cursor.y } : null,
      viewport: readViewport(s.viewport),
      editing: typeof s.editing === 'string' ? s.editing : null,
      summon:
        summon && isNum(summon.at) && readViewport(summon.viewport)
          ? {
              at: summon.at,
              viewport: readViewport(summon.viewport)!,
              journeyId: typeof summon.journeyId === 'string' ? summon.journeyId : null,
            }
          : null,
      journeyId: typeof s.journeyId === 'string' ? s.journeyId : null,
    });
  });
  return peers.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
}

/** Everyone currently present (identity and role only), this client first. */
export function readPeers(awareness: Awareness): Peer[] {
  return readActivity(awareness).map(({ clientId, id, name, color, role, isSelf }) => ({ clientId, id, name, color, role, isSelf }));
}
