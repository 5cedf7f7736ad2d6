/**
 * The administrator's API (`/api/admin/…`): list every board on the relay, mint a facilitator
 * link for any of them. The secret comes in `Authorization: Bearer <secret>` only (never the
 * address, which lands in logs); an address that sends wrong secrets is refused for a while
 * before the secret is even compared. See docs/operations.md, "The administrator page".
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isValidBoardId } from '../src/model/ids';
import type { AccessControl } from './access';
import type { AdminSecret } from './adminSecret';
import { HttpError, expiryOf, readJson, sendJson } from './apiHttp';
import { listBoards } from './boardList';
import { addressKey, clientAddress } from './clientAddress';
import type { IpLimits } from './ipLimits';
import type { Logger } from './log';
import type { BoardCursor } from './persistence';
import type { RoomStore } from './storage/types';
import type { RoomRegistry } from './rooms';

/** What the relay gives the administrator's API. */
export interface AdminContext {
  secret: AdminSecret;
  store: RoomStore;
  /** Per-address budget of wrong secrets; absent: none. */
  ipLimits?: IpLimits;
  trustProxy?: number;
}

type AdminRequestContext = AdminContext & { access: AccessControl; rooms: RoomRegistry; log: Logger };

/** Boards per page when the request names no `limit`, and the most it may ask for. */
const DEFAULT_PAGE = 25;
const MAX_PAGE = 100;

/** A page cursor: `<lastActivity>.<boardId>`, as the previous page's `next` gave it. */
const CURSOR = /^(\d{1,15})\.([A-Za-z0-9_-]{16,64})$/;

const encodeCursor = (cursor: BoardCursor | null): string | null => (cursor ? `${cursor.lastActivity}.${cursor.boardId}` : null);

function pageOf(req: IncomingMessage): { limit: number; after?: BoardCursor } {
  const params = new URL(req.url ?? '/', 'http://relay').searchParams;
  const rawLimit = params.get('limit');
  const limit = rawLimit === null ? DEFAULT_PAGE : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE)
    throw new HttpError(400, `limit must be a whole number from 1 to ${MAX_PAGE}`);
  const rawAfter = params.get('after');
  if (rawAfter === null) return { limit };
  const match = CURSOR.exec(rawAfter);
  if (!match) throw new HttpError(400, 'after must be the next cursor of a previous page');
  return { limit, after: { lastActivity: Number(match[1]), boardId: match[2]! } };
}

/** The secret a request presents: the Authorization header only. */
function presentedSecret(req: IncomingMessage): string | null {
  const auth = req.headers.authorization;
  return typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7).trim() || null : null;
}

/** Refuses the request (429, or 401 charged to its address) unless it carries the secret. */
function authorise(ctx: AdminRequestContext, req: IncomingMessage): string {
  const address = addressKey(clientAddress(req, ctx.trustProxy ?? 0));
  const allowed = ctx.ipLimits?.mayTryAdminSecret(address) ?? { ok: true };
  if (!allowed.ok) {
    if (allowed.firstRefusal) ctx.log.warn('refusing administrator requests after wrong secrets', { address });
    throw new HttpError(429, 'too many wrong administrator secrets from this address', {
      'Retry-After': String(allowed.retryAfterSeconds),
    });
  }
  const given = presentedSecret(req);
  if (given !== null && ctx.secret.matches(given)) return address;
  ctx.ipLimits?.failedAdminSecret(address);
  ctx.log.warn('refused an administrator request', { address, reason: given === null ? 'no secret' : 'wrong secret' });
  throw new HttpError(401, given === null ? 'administrator secret required' : 'wrong administrator secret');
}

/** Handles `/api/admin/<parts…>`; every failure is thrown as an HttpError. */
export async function handleAdmin(ctx: AdminRequestContext, req: IncomingMessage, res: ServerResponse, parts: string[]): Promise<void> {
  const method = req.method ?? 'GET';
  if (parts[0] !== 'boards' || parts.length > 3) throw new HttpError(404, 'not found');
  const address = authorise(ctx, req);
  if (parts.length === 1) {
    if (method !== 'GET') throw new HttpError(405, 'use GET');
    const { limit, after } = pageOf(req);
    const page = await listBoards({ store: ctx.store, meta: ctx.access.meta, rooms: ctx.rooms }, limit, after);
    sendJson(res, 200, { boards: page.boards, next: encodeCursor(page.next) });
    return;
  }
  const boardId = parts[1] ?? '';
  if (!isValidBoardId(boardId)) throw new HttpError(400, 'invalid board id');
  if (parts[2] !== 'links') throw new HttpError(404, 'not found');
  if (method !== 'POST') throw new HttpError(405, 'use POST');
  const body = await readJson(req);
  const expiresAt = expiryOf(body);
  const known = await ctx.access.check(boardId, null);
  if (!known.ok && known.status === 404) throw new HttpError(404, known.reason);
  const token = await ctx.access.mint(boardId, 'facilitator', expiresAt);
  ctx.log.info('administrator minted a facilitator link', { board: boardId, address });
  sendJson(res, 201, { token, role: 'facilitator', expiresAt });
}
