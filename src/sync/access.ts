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

type CallInit = { method?: string; token?: string | null; body?: unknown };

function send(path: string, init: CallInit): Promise<Response> {
  return request(path, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
}

/** A call to the relay's API; `sent`: its request, already on its way (see prefetchAccess). */
async function call<T>(path: string, init: CallInit = {}, sent?: Promise<Response>): Promise<T> {
  const res = await (sent ?? send(path, init));
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

/** The share link's token in a board's address: `/b/<boardId>?t=<token>`. */
export const LINK_TOKEN_PARAM = 't';

const accessPath = (boardId: string) => `/api/boards/${boardId}/access`;

/** Access checks started before the board page's code came (prefetchAccess), by board and token. */
const early = new Map<string, { at: number; sent: Promise<Response> }>();
const earlyKey = (boardId: string, token: string | null) => `${boardId} ${token ?? ''}`;
/** How long an early check may answer for one asked later: past it, the relay is asked again. */
const EARLY_FOR_MS = 10_000;

/**
 * Starts the access checks the page of `boardId` will make when it opens from this address: the
 * link's token and the one this browser holds, or the held one alone. Called by the app's entry,
 * they are on their way while the board page's code still comes, instead of after it. Each
 * answers one check (checkAccess) within EARLY_FOR_MS.
 */
export function prefetchAccess(boardId: string, linkToken: string | null): void {
  const held = storedAccess(boardId)?.token ?? null;
  const tokens = linkToken ? [linkToken, ...(held && held !== linkToken ? [held] : [])] : [held];
  for (const token of tokens) {
    const sent = send(accessPath(boardId), { token });
    // Never asked for (the page went elsewhere): its failure is nobody's.
    sent.catch(() => undefined);
    early.set(earlyKey(boardId, token), { at: Date.now(), sent });
  }
}

/** The role a token gives on a board (the relay checks it). */
export async function checkAccess(boardId: string, token: string | null): Promise<{ role: Role; protected: boolean }> {
  const key = earlyKey(boardId, token);
  const started = early.get(key);
  early.delete(key);
  const fresh = started && Date.now() - started.at < EARLY_FOR_MS ? started.sent : undefined;
  return call(accessPath(boardId), { token }, fresh);
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
