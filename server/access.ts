/** Access control: which role a request has on a board, from its share-link token. */
import type { IncomingMessage } from 'node:http';
import type { MetaStore } from './metaStore';
import { verifyToken, type Role } from './tokens';

/** `expiresAt`: when the token stops working, ms since the epoch (0 = never; an open board's access never expires). */
export type AccessDecision = { ok: true; role: Role; protected: boolean; expiresAt: number } | { ok: false; status: 401 | 403; reason: string };

export interface AccessControl {
  /** The role a token gives on a board. An open board (never protected) gives everyone the facilitator role. */
  check(boardId: string, token: string | null): AccessDecision;
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

/** Access control over a board's link generation (from `meta`) and the signing secret. */
export function createAccessControl(secret: Buffer, meta: MetaStore): AccessControl {
  return {
    secret,
    meta,
    check(boardId, token) {
      const generation = meta.generation(boardId);
      if (generation === null) return { ok: true, role: 'facilitator', protected: false, expiresAt: 0 };
      const verdict = verifyToken(secret, token, boardId, generation);
      return verdict.ok ? { ok: true, role: verdict.payload.r, protected: true, expiresAt: verdict.payload.e } : verdict;
    },
  };
}
