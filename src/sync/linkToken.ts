/**
 * Opening a board with a share link (`/b/<id>?t=<token>`) when this browser already holds a
 * token for it: the link's token is checked with the relay before it replaces anything, and a
 * link that gives less than what is held is only taken if the person says so.
 */
import { AccessError, checkAccess } from './access';
import type { Role } from '../model/roles';

/** What the relay said of a token: valid with a role, refused (401/403, or 404: no such board), or unknown (unreachable). */
export type TokenCheck = { status: 'valid'; role: Role } | { status: 'invalid'; error: AccessError } | { status: 'unknown' };

/** What to do with a link's token. */
export type LinkDecision =
  /** Store the link's token (with its role, or the least one while it could not be checked). */
  | { kind: 'adopt'; role: Role }
  /** Keep the token held; `notice` says why the link was not taken, if it needs saying. */
  | { kind: 'keep'; notice: 'linkInvalid' | 'linkUnchecked' | null }
  /** The link gives less than the token held: ask which to use. */
  | { kind: 'ask'; linkRole: Role; heldRole: Role }
  /** The link is refused and nothing usable is held: show why. */
  | { kind: 'deny'; error: AccessError };

const RANK: Record<Role, number> = { viewer: 0, participant: 1, facilitator: 2 };

/** Whether role `a` gives less than role `b`. */
export function isLowerRole(a: Role, b: Role): boolean {
  return RANK[a] < RANK[b];
}

export interface LinkSituation {
  /** The token this browser holds for the board, with its last known role. */
  held: { token: string; role: Role } | null;
  /** The relay's answer for the held token (null when none is held). */
  heldCheck: TokenCheck | null;
  linkToken: string;
  linkCheck: TokenCheck;
}

/** Decides between the held token and a link's: never a weaker or invalid one without asking. */
export function decideLinkToken({ held, heldCheck, linkToken, linkCheck }: LinkSituation): LinkDecision {
  if (held?.token === linkToken) return { kind: 'keep', notice: null };
  const heldUsable = held !== null && heldCheck?.status !== 'invalid';
  if (linkCheck.status === 'invalid')
    return heldUsable ? { kind: 'keep', notice: 'linkInvalid' } : { kind: 'deny', error: linkCheck.error };
  // The relay could not be asked: a held token stays; with none, the link is all there is.
  if (linkCheck.status === 'unknown') return heldUsable ? { kind: 'keep', notice: 'linkUnchecked' } : { kind: 'adopt', role: 'viewer' };
  if (!heldUsable || !held) return { kind: 'adopt', role: linkCheck.role };
  const heldRole = heldCheck?.status === 'valid' ? heldCheck.role : held.role;
  return isLowerRole(linkCheck.role, heldRole)
    ? { kind: 'ask', linkRole: linkCheck.role, heldRole }
    : { kind: 'adopt', role: linkCheck.role };
}

/** Asks the relay what a token gives on a board. */
export async function checkToken(boardId: string, token: string | null): Promise<TokenCheck> {
  try {
    return { status: 'valid', role: (await checkAccess(boardId, token)).role };
  } catch (error) {
    if (error instanceof AccessError && (error.status === 401 || error.status === 403 || error.status === 404))
      return { status: 'invalid', error };
    return { status: 'unknown' };
  }
}
