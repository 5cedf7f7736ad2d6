/** Glue between `ws` sockets and rooms: events, error containment, keepalive. */
import { WebSocket, type RawData, type WebSocketServer } from 'ws';
import type { AddressOutput, OutputMember } from './addressOutput';
import { atExpiry } from './expiry';
import type { Logger } from './log';
import {
  CLOSE_ACCESS_REVOKED,
  CLOSE_INTERNAL_ERROR,
  CLOSE_POLICY_VIOLATION,
  CLOSE_REASON_EXPIRED,
  MESSAGE_AWARENESS,
  MESSAGE_SYNC,
  SYNC_STEP1,
} from './protocol';
import { createByteBudget, createMessageLimiter, type MessageLimiter } from './rateLimit';
import type { Room, RoomSocket } from './room';
import type { RoomRegistry } from './rooms';
import type { Role } from '../src/model/roles';

/** Sockets that answered the last keepalive ping (or connected since). */
const alive = new WeakSet<WebSocket>();

/** ws hands us a Buffer by default, but its type admits fragments and ArrayBuffers too. */
function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

const SEND_OPTIONS = { binary: true };

interface Corkable {
  cork(): void;
  uncork(): void;
}

/** The TCP socket under a ws connection. ws does not expose it publicly, hence the care. */
function tcpSocketOf(ws: WebSocket): Corkable | null {
  const socket = (ws as unknown as { _socket?: Partial<Corkable> })._socket;
  return typeof socket?.cork === 'function' && typeof socket.uncork === 'function' ? (socket as Corkable) : null;
}

/**
 * A ws socket behind the RoomSocket interface: sending to a closing socket is a no-op, never a
 * throw. Awareness messages sent earn the limiter an echo credit.
 *
 * Frames sent to one connection within one turn of the event loop leave in one write: the TCP
 * socket is corked at the first send and uncorked once the loop has handled pending I/O. In a
 * busy room every incoming message fans out to every connection, and one system call per frame
 * was most of the relay's CPU time.
 *
 * A client that does not read makes everything sent to it pile up in the relay's memory. Once
 * more than `maxSendBuffer` bytes wait for it, or its address holds too much unread output (see
 * AddressOutput), nothing more is queued and `onNotReading` runs (after the current broadcast:
 * the room is iterating its connections).
 *
 * A class rather than closures: one of these lives per connection, and under tsx every named
 * closure also carries a property table, some 250 bytes each.
 */
class WsRoomSocket implements RoomSocket, OutputMember {
  /** Called once when the client stops reading (see above). */
  onNotReading: ((reason: string) => void) | null = null;
  observed = 0;
  private readonly tcp: Corkable | null;
  private corked = false;
  private notReading = false;
  /** Set once, right after construction, from the connection's grant. */
  writerKey: string | undefined;
  announcedVector: Uint8Array | undefined;
  wantsMetrics = false;
  private readonly flush = this.uncork.bind(this);
  private readonly onSent = this.reportSendError.bind(this);

  constructor(
    private readonly ws: WebSocket,
    private readonly log: Logger,
    private readonly boardId: string,
    private readonly limiter: MessageLimiter | null,
    readonly role: Role,
    private readonly maxSendBuffer = 0,
    private readonly output: AddressOutput | null = null,
  ) {
    this.tcp = tcpSocketOf(ws);
    output?.join(this);
  }

  /** Bytes queued for this client and not yet handed to the network. */
  pendingBytes(): number {
    return this.ws.bufferedAmount;
  }

  /** Queues nothing more for this client and has it closed, once (see above). */
  cutOff(reason: string): void {
    if (this.notReading) return;
    this.notReading = true;
    this.output?.leave(this);
    // Read when the microtask runs: this may happen while the connection is still being attached.
    queueMicrotask(() => this.onNotReading?.(reason));
  }

  /** Forgets this connection in its address's budget (it closed). */
  leaveAddress(): void {
    this.output?.leave(this);
  }

  send(message: Uint8Array): void {
    if (this.ws.readyState !== WebSocket.OPEN || this.notReading) return;
    if (this.maxSendBuffer > 0 && this.ws.bufferedAmount > this.maxSendBuffer) {
      this.cutOff('client not reading');
      return;
    }
    if (this.limiter !== null && message[0] === MESSAGE_AWARENESS) this.limiter.sentAwareness();
    if (this.tcp !== null && !this.corked) {
      this.corked = true;
      this.tcp.cork();
      setImmediate(this.flush);
    }
    this.ws.send(message, SEND_OPTIONS, this.onSent);
    this.output?.queued(this);
  }

  close(code: number, reason: string): void {
    const { ws } = this;
    if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close(code, reason);
  }

  private uncork(): void {
    this.corked = false;
    this.tcp?.uncork();
  }

  private reportSendError(error?: Error): void {
    if (error) this.log.debug('send failed', { board: this.boardId, error: error.message });
  }
}

/** Wraps a ws socket in the RoomSocket interface (see WsRoomSocket). */
export function toRoomSocket(
  ws: WebSocket,
  log: Logger,
  boardId: string,
  limiter: MessageLimiter | null = null,
  role: Role = 'facilitator',
): RoomSocket {
  return new WsRoomSocket(ws, log, boardId, limiter, role);
}

/** What one connection may send, and how much may wait for it (see ServerConfig). 0 turns a limit off. */
export interface ConnectionLimits {
  maxMessagesPerSecond: number;
  maxMessageBurst: number;
  maxBytesPerSecond: number;
  maxByteBurst: number;
  maxSendBufferBytes: number;
  syncRequestBufferBytes: number;
}

const NO_LIMITS: ConnectionLimits = {
  maxMessagesPerSecond: 0,
  maxMessageBurst: 1,
  maxBytesPerSecond: 0,
  maxByteBurst: 1,
  maxSendBufferBytes: 0,
  syncRequestBufferBytes: 0,
};

/** What the connection's share link grants: a role, until `expiresAt` (ms since the epoch, 0 = never). */
export interface ConnectionGrant {
  role: Role;
  expiresAt: number;
  /** Hash of the writer key the client presented (see server/writers.ts). */
  writerKey?: string;
  /** The client asked for the relay's KPI pushes (`?news=metrics`). */
  wantsMetrics?: boolean;
  /** The usable state vector the client announced in its address (see server/syncVector.ts). */
  announcedVector?: Uint8Array;
}

const OPEN_BOARD: ConnectionGrant = { role: 'facilitator', expiresAt: 0 };

/** A sync step 1 (message type 0, step 0: both one-byte varuints): the client asks for everything it lacks. */
const isSyncRequest = (bytes: Uint8Array): boolean => bytes[0] === MESSAGE_SYNC && bytes[1] === SYNC_STEP1;

/** Joins an upgraded websocket to its board's room and routes its events; nothing here can throw out. */
export function attachConnection(
  ws: WebSocket,
  boardId: string,
  rooms: RoomRegistry,
  log: Logger,
  limits = NO_LIMITS,
  grant = OPEN_BOARD,
  output: AddressOutput | null = null,
): void {
  const limiter = createMessageLimiter(limits.maxMessagesPerSecond, limits.maxMessageBurst);
  const bytesBudget = createByteBudget(limits.maxBytesPerSecond, limits.maxByteBurst);
  const socket = new WsRoomSocket(ws, log, boardId, limiter, grant.role, limits.maxSendBufferBytes, output);
  socket.writerKey = grant.writerKey;
  socket.wantsMetrics = grant.wantsMetrics === true;
  socket.announcedVector = grant.announcedVector;
  // The greeting's sync step 2 is the whole-board answer outstanding: the client's first step 1,
  // answered with the rest only, may arrive while the client still reads it.
  let greetingAnswered = grant.announcedVector !== undefined;
  alive.add(ws);
  ws.on('error', (error) => {
    // Oversized frames land here too (ws then closes with 1009 by itself).
    log.warn('websocket error', { board: boardId, reason: error.message });
  });
  ws.on('pong', () => alive.add(ws));
  let joined: Room;
  try {
    joined = rooms.join(boardId, socket);
  } catch (error) {
    log.error('could not open board', { board: boardId, error: String(error) });
    socket.leaveAddress();
    socket.close(CLOSE_INTERNAL_ERROR, 'board unavailable');
    return;
  }
  log.debug('connection opened', { board: boardId, connections: joined.connectionCount });
  // The close frame queues behind everything the client did not read, so it cannot arrive in
  // any useful time, and waiting for it would keep that memory: the socket is cut at once (the
  // provider reconnects after 1006 as after 1008). Clients cut off in a burst would otherwise
  // all hold their output through the grace period, however many the address budget cut.
  let cut = false;
  socket.onNotReading = (reason) => {
    cut = true;
    joined.refuse(socket, CLOSE_POLICY_VIOLATION, reason);
    setImmediate(() => ws.readyState !== WebSocket.CLOSED && ws.terminate());
  };
  const cancelExpiry =
    grant.expiresAt > 0
      ? atExpiry(grant.expiresAt, () => {
          // The link stopped working: its holder loses the board as when links are revoked.
          log.info('share link expired; closing its connection', { board: boardId });
          joined.disconnect(socket);
          socket.close(CLOSE_ACCESS_REVOKED, CLOSE_REASON_EXPIRED);
        })
      : null;
  ws.on('message', (data, isBinary) => {
    if (cut) return; // what a cut-off client still had in flight costs nothing more
    try {
      const bytes = toBytes(data);
      // Closing rather than dropping: a dropped update would leave the client silently out of
      // sync, while a reconnecting provider re-sends everything the relay lacks.
      if (bytesBudget !== null && !bytesBudget.take(bytes.byteLength)) {
        joined.refuse(socket, CLOSE_POLICY_VIOLATION, 'byte rate limit exceeded');
        return;
      }
      if (limiter !== null && !limiter.admit(bytes[0] === MESSAGE_AWARENESS)) {
        joined.refuse(socket, CLOSE_POLICY_VIOLATION, 'message rate limit exceeded');
        return;
      }
      // Each step 1 costs the relay a reply as big as the board: one may be outstanding at a time.
      const request = isSyncRequest(bytes);
      const covered = request && greetingAnswered;
      if (request) greetingAnswered = false;
      if (limits.syncRequestBufferBytes > 0 && request && !covered && socket.pendingBytes() > limits.syncRequestBufferBytes) {
        cut = true; // the cut-off itself waits for a microtask; what follows in this chunk is dropped now
        socket.cutOff('client not reading');
        return;
      }
      joined.receive(socket, bytes, isBinary);
    } catch (error) {
      log.error('message handler failed', { board: boardId, error: String(error) });
    }
  });
  ws.on('close', (code) => {
    try {
      cancelExpiry?.();
      socket.leaveAddress();
      joined.disconnect(socket);
      log.debug('connection closed', { board: boardId, code });
    } catch (error) {
      log.error('close handler failed', { board: boardId, error: String(error) });
    }
  });
}

/**
 * Pings every client each `intervalMs`; a client that has not answered the previous ping is
 * terminated (its 'close' event then cleans up the room). Returns a function that stops it.
 */
export function startKeepalive(wss: WebSocketServer, intervalMs: number, log: Logger): () => void {
  const timer = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        log.debug('terminating a connection that missed a pong');
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      try {
        ws.ping();
      } catch {
        ws.terminate();
      }
    }
  }, intervalMs);
  return () => clearInterval(timer);
}
