import { useCallback } from 'react';
import { mintLink, revokeLinks, shareUrl, storedAccess, type ShareLink } from '../sync/access';
import type { Role } from '../model/roles';

export interface ShareLinks {
  /** A new link for `role`, valid `days` days (0: no expiry). */
  mint(role: Role, days: number): Promise<ShareLink>;
  /** Revokes every link of the board; resolves to this facilitator's new token. */
  revoke(): Promise<string>;
  /** The address a link token opens. */
  urlOf(linkToken: string): string;
}

/**
 * The relay's share-link calls for one board, made with the token this browser holds now
 * (after a revocation: the new one, not the token the page was opened with).
 */
export function useShareLinks(boardId: string, token: string | null): ShareLinks {
  const currentToken = useCallback(() => storedAccess(boardId)?.token ?? token, [boardId, token]);
  const mint = useCallback((role: Role, days: number) => mintLink(boardId, currentToken(), role, days), [boardId, currentToken]);
  const revoke = useCallback(() => revokeLinks(boardId, currentToken()), [boardId, currentToken]);
  const urlOf = useCallback((linkToken: string) => shareUrl(window.location.origin, boardId, linkToken), [boardId]);
  return { mint, revoke, urlOf };
}
