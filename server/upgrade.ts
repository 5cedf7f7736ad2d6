/** Websocket upgrades: only `/sync/<boardId>` with a valid, authorised board id gets through. */
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import { isValidBoardId } from '../src/model/ids';
import { NEWS_METRICS, NEWS_PARAM } from '../src/model/relayProtocol';
import type { AddressOutput } from './addressOutput';
import { tokenOf, type AccessControl, type AccessDecision } from './access';
import { addressKey, clientAddress } from './clientAddress';
import { attachConnection, type ConnectionLimits } from './connection';
import { writerKeyOf } from './writers';
import { announcedVectorOf } from './syncVector';
import type { IpLimits } from './ipLimits';
import type { Logger } from './log';
import type { RoomRegistry } from './rooms';

export const SYNC_PATH_PREFIX = '/sync/';

/** Whether the sync request asked for the relay's KPI pushes (`?news=metrics`). */
export function wantsMetricsOf(url: string | undefined): boolean {
  const query = (url ?? '').split('?')[1];
  return query !== undefined && new URLSearchParams(query.split('#')[0]).getAll(NEWS_PARAM).includes(NEWS_METRICS);
}

export type SyncTarget = { ok: true; boardId: string } | { ok: false; status: 400 | 404; reason: string };

/** Reads the board id out of a request target such as `/sync/<boardId>?token=…` (the query is ignored here). */
export function parseSyncTarget(url: string | undefined): SyncTarget {
  const pathname = (url ?? '').split(/[?#]/, 1)[0] ?? '';
  if (!pathname.startsWith(SYNC_PATH_PREFIX)) return { ok: false, status: 404, reason: 'not a sync endpoint' };
  // No percent-decoding: valid board ids are URL-safe, so anything encoded is invalid anyway.
  const boardId = pathname.slice(SYNC_PATH_PREFIX.length);
  if (!isValidBoardId(boardId)) return { ok: false, status: 400, reason: 'invalid board id' };
  return { ok: true, boardId };
}

/** Answers an upgrade request with a plain HTTP error and drops the socket. */
export function refuseUpgrade(socket: Duplex, status: number, message: string, headers: Record<string, string> = {}): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = `${message}\n`;
  const extra = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
      extra.join('') +
      'Connection: close\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    () => socket.destroy(),
  );
}

export interface UpgradeContext {
  wss: WebSocketServer;
  rooms: RoomRegistry;
  log: Logger;
  /** True once shutdown started: new connections are refused with 503. */
  isClosing: () => boolean;
  limits: ConnectionLimits;
  /** Share-link checks; absent: every board is open (tests of the bare relay). */
  access?: AccessControl;
  /** Per-address limits; absent: none. */
  ipLimits?: IpLimits;
  /** Trusted reverse proxies (see clientAddress). */
  trustProxy?: number;
}

/** Creates the http server's 'upgrade' listener. */
export function createUpgradeHandler(ctx: UpgradeContext) {
  const { log } = ctx;
  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // Node removes its own error listener from upgraded sockets; an unhandled 'error' would crash us.
    socket.on('error', (error) => log.debug('upgrade socket error', { reason: error.message }));
    try {
      const target = parseSyncTarget(req.url);
      if (!target.ok) {
        const level = target.status === 404 ? 'debug' : 'warn';
        log[level]('refused websocket upgrade', { status: target.status, reason: target.reason });
        refuseUpgrade(socket, target.status, target.reason);
        return;
      }
      const { boardId } = target;
      if (ctx.isClosing()) {
        refuseUpgrade(socket, 503, 'server shutting down');
        return;
      }
      const address = addressKey(clientAddress(req, ctx.trustProxy ?? 0));
      const slot = ctx.ipLimits?.openConnection(address) ?? { ok: true as const, release: () => undefined, output: null };
      if (!slot.ok) {
        if (slot.firstRefusal) log.warn('refusing websockets over the per-address limit', { address });
        refuseUpgrade(socket, 429, 'too many connections from this address');
        return;
      }
      accept(ctx, req, socket, head, boardId, slot).then(
        (attached) => {
          if (!attached) slot.release();
        },
        (error: unknown) => {
          slot.release();
          log.error('upgrade failed', { error: String(error) });
          socket.destroy();
        },
      );
    } catch (error) {
      log.error('upgrade failed', { error: String(error) });
      socket.destroy();
    }
  };
}

/** The usable state vector of a sync address; an unusable one is ignored (the normal handshake is correct anyway). */
function announcedVectorIn(url: string | undefined, boardId: string, log: Logger) {
  const announced = announcedVectorOf(url);
  if (announced === null) return undefined;
  if (announced.ok) return announced.vector;
  log.debug('ignored the state vector of a sync address', { board: boardId, reason: announced.reason });
  return undefined;
}

/** What a websocket holds of its address's limits. */
interface AddressSlot {
  release: () => void;
  output: AddressOutput | null;
}

/** What a bare relay (no access control) gives every connection. */
const OPEN_ACCESS: AccessDecision = { ok: true, role: 'facilitator', protected: false, expiresAt: 0, generation: null };

/** The checks past the per-address connection slot, then the handshake. True once the websocket is attached. */
async function accept(
  ctx: UpgradeContext,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  boardId: string,
  slot: AddressSlot,
): Promise<boolean> {
  const { wss, rooms, log } = ctx;
  let decision: AccessDecision;
  try {
    decision = (await ctx.access?.check(boardId, tokenOf(req))) ?? OPEN_ACCESS;
  } catch (error) {
    // The links are in a database that does not answer: the client retries, as for the boards.
    log.error('could not check a share link', { board: boardId, error: String(error) });
    refuseUpgrade(socket, 503, 'storage unavailable', { 'Retry-After': '2' });
    return false;
  }
  if (!decision.ok) {
    log.info('refused websocket upgrade', { board: boardId, status: decision.status, reason: decision.reason });
    refuseUpgrade(socket, decision.status, decision.reason);
    return false;
  }
  // Boards are only made by POST /api/boards: an id the relay has never seen was refused above
  // (404), so no websocket creates anything.
  // Load before completing the handshake, so a storage failure is an HTTP 503, not a dead socket.
  const loaded =
    (await rooms.storeAvailable(boardId)) &&
    (await rooms.open(boardId).then(
      () => true,
      (error: unknown) => {
        log.error('could not load board', { board: boardId, error: String(error) });
        return false;
      },
    ));
  if (!loaded) {
    refuseUpgrade(socket, 503, 'storage unavailable', { 'Retry-After': '2' });
    return false;
  }
  // The client may have gone while its board loaded: nothing to attach.
  if (socket.destroyed || !socket.writable) {
    socket.destroy();
    return false;
  }
  let attached = false;
  // handleUpgrade calls back synchronously, or not at all when the handshake is invalid.
  wss.handleUpgrade(req, socket, head, (ws) => {
    attached = true;
    ws.once('close', slot.release);
    attachConnection(
      ws,
      boardId,
      rooms,
      log,
      ctx.limits,
      {
        ...decision,
        writerKey: writerKeyOf(req.url),
        wantsMetrics: wantsMetricsOf(req.url),
        announcedVector: announcedVectorIn(req.url, boardId, log),
      },
      slot.output,
    );
  });
  return attached;
}
