/**
 * The relay's small JSON API: create a protected board, check access, mint and revoke share
 * links, save and read versions (named and automatic), rebuild a board as it was at a given
 * moment from the storage history. See docs/security.md and docs/protocol.md.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as Y from 'yjs';
import { isValidBoardId, newBoardId } from '../src/model/ids';
import type { AccessControl } from './access';
import { tokenOf } from './access';
import { handleAdmin, type AdminContext } from './adminApi';
import { HttpError, expiryOf, readJson, sendJson as send } from './apiHttp';
import type { Logger } from './log';
import { LinksChangedError } from './metaStore';
import { handleMetrics } from './metricsApi';
import type { MetricsStore } from './metricsStore';
import { CLOSE_ACCESS_REVOKED, CLOSE_REASON_REVOKED } from './protocol';
import type { RoomRegistry } from './rooms';
import { REFUSAL_REVOKED } from '../src/model/relayProtocol';
import { ROLES, capabilitiesOf, type Role } from '../src/model/roles';

export interface ApiContext {
  access: AccessControl;
  rooms: RoomRegistry;
  log: Logger;
  /** The administrator's API (/api/admin/…); absent: none. */
  admin?: AdminContext;
  /** Where KPI values live (/api/boards/…/metrics and …/feeds); absent: no such calls. */
  metrics?: MetricsStore;
}

/** Whether a request path belongs to the JSON API handled here. */
export function isApiPath(pathname: string): boolean {
  return /^\/api\/(boards|admin)(\/|$)/.test(pathname);
}

function tokenFor(ctx: ApiContext, boardId: string, role: Role, expiresAt = 0): Promise<string> {
  return ctx.access.mint(boardId, role, expiresAt);
}

/** What a caller's link gives on a board, or an HttpError. */
async function grantOf(ctx: ApiContext, req: IncomingMessage, boardId: string): Promise<{ role: Role; generation: number | null }> {
  const decision = await ctx.access.check(boardId, tokenOf(req));
  if (!decision.ok) throw new HttpError(decision.status, decision.reason);
  return decision;
}

/** The caller's role on a board, or an HttpError. */
async function roleOf(ctx: ApiContext, req: IncomingMessage, boardId: string): Promise<Role> {
  return (await grantOf(ctx, req, boardId)).role;
}

/** The link generation a facilitator's link was checked against, or an HttpError for anyone else. */
async function requireFacilitator(ctx: ApiContext, req: IncomingMessage, boardId: string): Promise<number | null> {
  const grant = await grantOf(ctx, req, boardId);
  if (!capabilitiesOf(grant.role).canFacilitate) throw new HttpError(403, 'facilitators only');
  return grant.generation;
}

/** The current state of a board as stored: from its loaded room at a committed point, else from storage. */
async function boardState(ctx: ApiContext, boardId: string): Promise<Uint8Array> {
  const room = await ctx.rooms.committedRoom(boardId);
  return Y.encodeStateAsUpdate(room.doc);
}

const text = (value: unknown, max: number) => (typeof value === 'string' ? value.trim().slice(0, max) : '');

/** The `at` query parameter: ms since the epoch, or an ISO date. */
function momentOf(req: IncomingMessage): number {
  const raw = new URL(req.url ?? '/', 'http://relay').searchParams.get('at') ?? '';
  const at = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  if (!Number.isFinite(at)) throw new HttpError(400, 'at must be a time in ms since the epoch or an ISO date');
  return at;
}

function sendState(res: ServerResponse, state: Uint8Array, headers: Record<string, string | number> = {}): void {
  res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': state.byteLength, ...headers });
  res.end(Buffer.from(state.buffer, state.byteOffset, state.byteLength));
}

/** Handles /api/… requests. Returns false if the path is not an API path. */
export async function handleApi(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
  if (!pathname.startsWith('/api/')) return false;
  const method = req.method ?? 'GET';
  try {
    const parts = pathname.split('/').slice(2); // ['boards', id, …]
    if (parts[0] === 'admin') {
      if (!ctx.admin) throw new HttpError(404, 'not found');
      await handleAdmin({ ...ctx.admin, access: ctx.access, rooms: ctx.rooms, log: ctx.log }, req, res, parts.slice(1));
      return true;
    }
    if (parts[0] !== 'boards') throw new HttpError(404, 'not found');
    if (parts.length === 1) {
      if (method !== 'POST') throw new HttpError(405, 'use POST');
      const boardId = newBoardId();
      const token = await tokenFor(ctx, boardId, 'facilitator');
      ctx.log.info('created protected board', { board: boardId });
      send(res, 201, { boardId, token, role: 'facilitator' });
      return true;
    }
    const boardId = parts[1] ?? '';
    if (!isValidBoardId(boardId)) throw new HttpError(400, 'invalid board id');
    const action = parts[2];
    if ((action === 'metrics' || action === 'feeds') && ctx.metrics) {
      await handleMetrics({ access: ctx.access, rooms: ctx.rooms, log: ctx.log, metrics: ctx.metrics }, req, res, boardId, parts.slice(2));
      return true;
    }
    if (action === 'access' && parts.length === 3 && method === 'GET') {
      const decision = await ctx.access.check(boardId, tokenOf(req));
      if (!decision.ok) throw new HttpError(decision.status, decision.reason);
      send(res, 200, { role: decision.role, protected: decision.protected });
      return true;
    }
    if (action === 'links' && parts.length === 3 && method === 'POST') {
      const generation = await requireFacilitator(ctx, req, boardId);
      const body = await readJson(req);
      const role = body.role as Role;
      if (!ROLES.includes(role)) throw new HttpError(400, 'role must be facilitator, participant or viewer');
      const expiresAt = expiryOf(body);
      const token = await tokenFor(ctx, boardId, role, expiresAt);
      // Protecting an open board: its first facilitator keeps access through a token of their own.
      const facilitatorToken = generation === null ? await tokenFor(ctx, boardId, 'facilitator') : undefined;
      send(res, 201, { token, role, expiresAt, ...(facilitatorToken ? { facilitatorToken } : {}) });
      return true;
    }
    if (action === 'revoke' && parts.length === 3 && method === 'POST') {
      await requireFacilitator(ctx, req, boardId);
      // The new token carries the generation this revocation made: a concurrent one revokes it too.
      const facilitatorToken = await ctx.access.revoke(boardId);
      ctx.rooms.closeEverywhere(boardId, CLOSE_ACCESS_REVOKED, CLOSE_REASON_REVOKED);
      ctx.log.info('revoked share links', { board: boardId });
      send(res, 200, { facilitatorToken });
      return true;
    }
    if (action === 'versions' && parts.length === 3) {
      if (method === 'GET') {
        await roleOf(ctx, req, boardId);
        send(res, 200, { versions: await ctx.access.meta.listVersions(boardId) });
        return true;
      }
      if (method === 'POST') {
        const generation = await requireFacilitator(ctx, req, boardId);
        const body = await readJson(req);
        const name = text(body.name, 120);
        if (!name) throw new HttpError(400, 'a version needs a name');
        // Saved only if the links the facilitator came with were not revoked meanwhile.
        const version = await ctx.access.meta
          .saveVersion(boardId, name, text(body.author, 60), await boardState(ctx, boardId), Date.now(), generation)
          .catch((error: unknown) => {
            throw error instanceof LinksChangedError ? new HttpError(403, REFUSAL_REVOKED) : error;
          });
        send(res, 201, version);
        return true;
      }
    }
    if (action === 'versions' && parts.length === 4 && method === 'GET') {
      await roleOf(ctx, req, boardId);
      const state = await ctx.access.meta.loadVersion(boardId, parts[3] ?? '');
      if (!state) throw new HttpError(404, 'no such version');
      sendState(res, state, { 'Cache-Control': 'private, max-age=31536000, immutable' });
      return true;
    }
    if (action === 'history' && parts.length === 3 && method === 'GET') {
      // The history holds the text of deleted cards: facilitators only.
      await requireFacilitator(ctx, req, boardId);
      const historic = await ctx.rooms.stateAt(boardId, momentOf(req));
      if (!historic) throw new HttpError(404, 'the board is not known at that time');
      sendState(res, historic.state, { 'Cache-Control': 'no-store', 'X-Parcours-Last-Change': historic.lastChangeAt });
      return true;
    }
    throw new HttpError(404, 'not found');
  } catch (error) {
    if (error instanceof HttpError) send(res, error.status, { error: error.message }, error.headers);
    else {
      ctx.log.error('api request failed', { path: pathname, error: String(error) });
      send(res, 500, { error: 'internal error' });
    }
    return true;
  }
}
