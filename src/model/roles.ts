/**
 * The roles a share link gives, and what each may do: the one place both the relay and the
 * interface read a role from. The relay enforces them on every message; the interface offers
 * only what the relay would accept.
 */

export type Role = 'facilitator' | 'participant' | 'viewer';

/** Every role, the most trusted first. */
export const ROLES: readonly Role[] = ['facilitator', 'participant', 'viewer'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** A role as claimed by something not trusted (stored, or sent by a peer): anything unknown is the least trusted one. */
export function readRole(value: unknown): Role {
  return isRole(value) ? value : 'viewer';
}

export interface RoleCapabilities {
  /**
   * May change the board's content: touchpoints (text, evaluation, moment of truth, place),
   * pain points, emotions, extra-row cards, priority actions, comments, dots; paste, import and
   * undo.
   */
  canEdit: boolean;
  /** May change the structure (unless a facilitator locked it): stages, channels, journeys, templates, framing, personas, stage details. */
  canEditStructure: boolean;
  /** May run the workshop: timer, votes, versions, share links, bring everyone to one view, restore what others deleted. */
  canFacilitate: boolean;
  /** Keeps a copy of the board in this browser for offline work; without it, the board always shows the relay's state. */
  keepsLocalCopy: boolean;
}

const CAPABILITIES: Record<Role, RoleCapabilities> = {
  facilitator: { canEdit: true, canEditStructure: true, canFacilitate: true, keepsLocalCopy: true },
  participant: { canEdit: true, canEditStructure: false, canFacilitate: false, keepsLocalCopy: true },
  viewer: { canEdit: false, canEditStructure: false, canFacilitate: false, keepsLocalCopy: false },
};

/** What a role may do. */
export function capabilitiesOf(role: Role): RoleCapabilities {
  return CAPABILITIES[role];
}

/**
 * The role of a feed token, minted by a facilitator for a system that holds the numbers (a CRM or
 * BI job). It is not a share-link role: it writes the values of the board's KPIs through
 * `POST /api/boards/:id/metrics` and nothing else — no websocket, no other API call.
 */
export const FEED_ROLE = 'feed';
