/** Access control: which role a request has on a board, from its share-link token. */
import type { IncomingMessage } from 'node:http';
import { REFUSAL_UNKNOWN_BOARD } from '../src/model/relayProtocol';
import type { MetaStore } from './metaStore';
import type { Role } from '../src/model/roles';
import { signToken, verifyToken } from './tokens';

/**
 * `expiresAt`: when the token stops working, ms since the epoch (0 = never; an open board's
 * access never expires). 404: the relay has never seen the board.
 */
export type AccessDecision =
  | { ok: true; role: Role; protected: boolean; expiresAt: number; generation: number | null }
  | { ok: false; status: 401 | 403 | 404; reason: string };

export interface AccessControl {
  /**
   * The role a token gives on a board. An open board (never protected, with stored content)
   * gives everyone the facilitator role; a board that is neither protected nor stored does not exist.
   */
  check(boardId: string, token: string | null): Promise<AccessDecision>;
  /** A token for `role` on a board until `expiresAt` (0 = never); protects an open board first. */
  mint(boardId: string, role: Role, expiresAt?: number): Promise<string>;
  /** Revokes every link of a board; resolves with a facilitator token of the generation this revocation made. */
  revoke(boardId: string): Promise<string>;
  secret: Buffer;
  meta: MetaStore;
}

/** The token of a request: `?token=` (websockets, links) or `Authorization: Bearer …` (API calls). */
export function tokenOf(req: IncomingMessage): string | null {
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && auth.startsWith('Bearer ')) return auth.slice(7).trim() || null;
  const query = (req.url ?? '').split('?', 2)[1];
  return query ? new URLSearchParams(query).get('token') : null;
}

/**
 * Access control over a board's link generation (from `meta`) and the signing secret.
 * `isStored` says whether a board has content in storage: boards made before share links
 * existed are known by their content alone, and stay open.
 */
export function createAccessControl(
  secret: Buffer,
  meta: MetaStore,
  isStored: (boardId: string) => boolean | Promise<boolean>,
): AccessControl {
  return {
    secret,
    meta,
    async check(boardId, token) {
      const generation = await meta.generation(boardId);
      if (generation === null) {
        // A mistyped or made-up id must not open a fresh board with full rights.
        if (!(await isStored(boardId))) return { ok: false, status: 404, reason: REFUSAL_UNKNOWN_BOARD };
        return { ok: true, role: 'facilitator', protected: false, expiresAt: 0, generation };
      }
      const verdict = verifyToken(secret, token, boardId, generation);
      return verdict.ok ? { ok: true, role: verdict.payload.r, protected: true, expiresAt: verdict.payload.e, generation } : verdict;
    },
    mint: async (boardId, role, expiresAt = 0) => signToken(secret, { b: boardId, r: role, g: await meta.protect(boardId), e: expiresAt }),
    revoke: async (boardId) => signToken(secret, { b: boardId, r: 'facilitator', g: await meta.revoke(boardId), e: 0 }),
  };
}
