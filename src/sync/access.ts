/** Share links and board access, talking to the relay's JSON API; tokens are kept per board in this browser. */
import { isValidBoardId } from '../model/ids';
import { isRole, type Role } from '../model/roles';
import { markLinksToShow } from './createdHere';

const STORAGE_KEY = 'parcours.access';

interface StoredAccess {
  token: string;
  role: Role;
}

function readAll(storage: Storage | undefined): Record<string, StoredAccess> {
  try {
    const v = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '{}') as unknown;
    return v && typeof v === 'object' ? (v as Record<string, StoredAccess>) : {};
  } catch {
    return {};
  }
}

/** The token (and last known role) this browser holds for a board. */
export function storedAccess(boardId: string, storage: Storage | undefined = globalThis.localStorage): StoredAccess | null {
  const a = readAll(storage)[boardId];
  return a && typeof a.token === 'string' && isRole(a.role) ? a : null;
}

export function storeAccess(boardId: string, access: StoredAccess | null, storage: Storage | undefined = globalThis.localStorage): void {
  const all = readAll(storage);
  if (access) all[boardId] = access;
  else delete all[boardId];
  storage?.setItem(STORAGE_KEY, JSON.stringify(all));
}

/**
 * Why the relay refused: 401 (no or bad link), 403 (expired, revoked, another board; the
 * relay's reason says which) or 404 (no such board: the relay has never seen this id).
 */
export class AccessError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'AccessError';
  }
}

/** The relay gave no answer at all: this browser is offline (or the relay cannot be reached). */
export class OfflineError extends AccessError {
  constructor() {
    super(0, 'offline');
    this.name = 'OfflineError';
  }
}

/** `fetch`, with no answer at all told apart from an answer that refuses. */
async function request(path: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(path, init);
  } catch {
    // fetch rejects only when no response came back (network down, relay unreachable).
    throw new OfflineError();
  }
}

async function call<T>(path: string, init: { method?: string; token?: string | null; body?: unknown } = {}): Promise<T> {
  const res = await request(path, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    throw new AccessError(res.status, body.error ?? res.statusText);
  }
  return (await res.json()) as T;
}

/** Creates a protected board on the relay; this browser becomes its facilitator, and is shown its links on opening it. */
export async function createBoard(): Promise<string> {
  const { boardId, token } = await call<{ boardId: string; token: string }>('/api/boards', { method: 'POST' });
  if (!isValidBoardId(boardId)) throw new Error('the relay answered an invalid board id');
  storeAccess(boardId, { token, role: 'facilitator' });
  markLinksToShow(boardId);
  return boardId;
}

/** Whether the relay refused because the board does not exist there. */
export const isUnknownBoard = (error: unknown): boolean => error instanceof AccessError && error.status === 404;

/**
 * Boards whose links this tab revoked (or is revoking) and has not reopened since: the relay
 * cutting this tab's own connection is expected, and no reason to leave the board.
 */
const revoking = new Set<string>();

/** Whether this tab revoked the links of `boardId` and has not reopened it yet (see settleRevocation). */
export function isRevokingHere(boardId: string): boolean {
  return revoking.has(boardId);
}

/** The tab is done with its revocation of `boardId` (it reopens the board with its new token). */
export function settleRevocation(boardId: string): void {
  revoking.delete(boardId);
}

/** The role a token gives on a board (the relay checks it). */
export async function checkAccess(boardId: string, token: string | null): Promise<{ role: Role; protected: boolean }> {
  return call(`/api/boards/${boardId}/access`, { token });
}

export interface ShareLink {
  token: string;
  role: Role;
  expiresAt: number;
}

/** Mints a share link for a role; `days` 0 = never expires. */
export async function mintLink(boardId: string, token: string | null, role: Role, days: number): Promise<ShareLink> {
  const link = await call<ShareLink & { facilitatorToken?: string }>(`/api/boards/${boardId}/links`, {
    method: 'POST',
    token,
    body: { role, expiresInDays: days },
  });
  // Protecting a board that was open: keep our own facilitator access.
  if (link.facilitatorToken) storeAccess(boardId, { token: link.facilitatorToken, role: 'facilitator' });
  return link;
}

/**
 * Revokes every link of a board; returns this facilitator's new token. Until settleRevocation,
 * the tab treats the relay closing its connection as its own doing.
 */
export async function revokeLinks(boardId: string, token: string | null): Promise<string> {
  revoking.add(boardId);
  try {
    const { facilitatorToken } = await call<{ facilitatorToken: string }>(`/api/boards/${boardId}/revoke`, { method: 'POST', token });
    storeAccess(boardId, { token: facilitatorToken, role: 'facilitator' });
    return facilitatorToken;
  } catch (error) {
    revoking.delete(boardId);
    throw error;
  }
}

/** The address that opens a board with a token. */
export function shareUrl(origin: string, boardId: string, token: string): string {
  return `${origin}/b/${boardId}?t=${encodeURIComponent(token)}`;
}

/** The path that opens `boardId` with the token of a pasted share link, if it holds one (`?t=`). */
export function pathWithLinkToken(boardId: string, pasted: string): string {
  const query = /\?([^#]*)/.exec(pasted.trim())?.[1] ?? '';
  const token = new URLSearchParams(query).get('t');
  return token ? `/b/${boardId}?t=${encodeURIComponent(token)}` : `/b/${boardId}`;
}

export interface VersionInfo {
  id: string;
  name: string;
  author: string;
  createdAt: number;
  bytes: number;
}

export async function listVersions(boardId: string, token: string | null): Promise<VersionInfo[]> {
  return (await call<{ versions: VersionInfo[] }>(`/api/boards/${boardId}/versions`, { token })).versions;
}

export async function saveVersion(boardId: string, token: string | null, name: string, author: string): Promise<VersionInfo> {
  return call(`/api/boards/${boardId}/versions`, { method: 'POST', token, body: { name, author } });
}

/** The saved state of a version (a Yjs update). */
export async function loadVersion(boardId: string, token: string | null, versionId: string): Promise<Uint8Array> {
  const res = await request(`/api/boards/${boardId}/versions/${encodeURIComponent(versionId)}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!res.ok) throw new AccessError(res.status, res.statusText);
  return new Uint8Array(await res.arrayBuffer());
}
