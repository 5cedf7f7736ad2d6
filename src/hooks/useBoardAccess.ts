import { useCallback, useEffect, useState } from 'react';
import { AccessError, LINK_TOKEN_PARAM, checkAccess, storeAccess, storedAccess } from '../sync/access';
import { checkToken, decideLinkToken } from '../sync/linkToken';
import type { Role } from '../model/roles';

export interface Access {
  token: string | null;
  role: Role;
}

/** Why a share link was not taken: the relay refused it, or could not be asked. */
export type LinkNotice = 'linkInvalid' | 'linkUnchecked';

/** The question asked when a link gives less than the access this browser already has. */
export interface LinkChoice {
  linkRole: Role;
  heldRole: Role;
  choose(useLink: boolean): void;
}

export interface BoardAccess {
  access: Access | null;
  /** Set when the relay refused this browser's link (401: no or bad link; 403: expired or revoked; 404: no such board). */
  denied: AccessError | null;
  choice: LinkChoice | null;
  notice: LinkNotice | null;
  dismissNotice(): void;
}

/**
 * Share-link tokens taken out of the address, per board, until decided. Kept outside React so
 * that an effect run twice (StrictMode) or cut short still finds the link.
 */
const pendingLinks = new Map<string, string>();

/** The share-link token of the address (`?t=`), kept until decided. */
function takeLinkToken(boardId: string): string | null {
  const token = new URL(window.location.href).searchParams.get(LINK_TOKEN_PARAM);
  if (token) pendingLinks.set(boardId, token);
  return pendingLinks.get(boardId) ?? null;
}

/**
 * Takes the share-link token out of the address, so it stays in no history. Done once its
 * check is on its way: writing the address costs the page a few milliseconds, which the
 * board's first request need not wait for.
 */
function removeLinkTokenFromAddress(): void {
  const url = new URL(window.location.href);
  if (!url.searchParams.has(LINK_TOKEN_PARAM)) return;
  url.searchParams.delete(LINK_TOKEN_PARAM);
  window.history.replaceState(null, '', `${url.pathname}${url.search}${url.hash}`);
}

/**
 * The access this browser has to a board: a link in the address is checked before it replaces
 * the token held (and asked about if it gives less), then the token is checked with the relay.
 * Offline, the last known access is used. `generation` checks again (after a revocation).
 */
export function useBoardAccess(boardId: string, generation: number): BoardAccess {
  const [access, setAccess] = useState<Access | null>(null);
  const [denied, setDenied] = useState<AccessError | null>(null);
  const [choice, setChoice] = useState<LinkChoice | null>(null);
  const [notice, setNotice] = useState<LinkNotice | null>(null);

  useEffect(() => {
    let alive = true;
    setAccess(null);
    setDenied(null);
    setChoice(null);
    const linkToken = takeLinkToken(boardId);

    // What settling the link learnt of the token now held: the relay was just asked about it,
    // so opening the board need not ask again (a round trip before the first paint).
    let checked: { token: string; role: Role } | null = null;
    const settleLink = async (): Promise<boolean> => {
      if (!linkToken) return true;
      const held = storedAccess(boardId);
      const [heldCheck, linkCheck] = await Promise.all([held ? checkToken(boardId, held.token) : null, checkToken(boardId, linkToken)]);
      if (!alive) return false;
      const decision = decideLinkToken({ held, heldCheck, linkToken, linkCheck });
      let useLink = decision.kind === 'adopt';
      if (decision.kind === 'ask') {
        useLink = await new Promise<boolean>((resolve) =>
          setChoice({ linkRole: decision.linkRole, heldRole: decision.heldRole, choose: resolve }),
        );
        if (!alive) return false;
        setChoice(null);
      }
      pendingLinks.delete(boardId);
      if (useLink)
        storeAccess(boardId, {
          token: linkToken,
          role: decision.kind === 'ask' ? decision.linkRole : decision.kind === 'adopt' ? decision.role : 'viewer',
        });
      if (useLink && linkCheck.status === 'valid' && decision.kind === 'adopt') checked = { token: linkToken, role: linkCheck.role };
      if (!useLink && held && heldCheck?.status === 'valid') checked = { token: held.token, role: heldCheck.role };
      if (decision.kind === 'keep') setNotice(decision.notice);
      if (decision.kind === 'deny') setDenied(decision.error);
      return decision.kind !== 'deny';
    };

    const settled = settleLink();
    removeLinkTokenFromAddress();
    void settled.then((go) => {
      if (!alive || !go) return;
      const stored = storedAccess(boardId);
      const token = stored?.token ?? null;
      if (checked && checked.token === token) {
        storeAccess(boardId, checked);
        setAccess(checked);
        return;
      }
      checkAccess(boardId, token).then(
        ({ role }) => {
          if (!alive) return;
          if (token) storeAccess(boardId, { token, role });
          setAccess({ token, role });
        },
        (error: unknown) => {
          if (!alive) return;
          // 404: the relay has never seen this board; opening it would only knock forever.
          if (error instanceof AccessError && (error.status === 401 || error.status === 403 || error.status === 404)) setDenied(error);
          // The relay is unreachable (offline): work locally with what this browser last knew.
          else setAccess({ token, role: stored?.role ?? 'facilitator' });
        },
      );
    });
    return () => {
      alive = false;
    };
  }, [boardId, generation]);

  const dismissNotice = useCallback(() => setNotice(null), []);
  return { access, denied, choice, notice, dismissNotice };
}
