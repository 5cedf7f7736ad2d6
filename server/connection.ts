/** Glue between `ws` sockets and rooms: events, error containment, keepalive. */
import { WebSocket, type RawData, type WebSocketServer } from 'ws';
import type { Logger } from './log';
import { CLOSE_INTERNAL_ERROR, CLOSE_POLICY_VIOLATION, MESSAGE_AWARENESS } from './protocol';
import { createMessageLimiter, type MessageLimiter } from './rateLimit';
import type { Room, RoomSocket } from './room';
import type { RoomRegistry } from './rooms';
import type { Role } from './tokens';

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
 * A class rather than closures: one of these lives per connection, and under tsx every named
 * closure also carries a property table, some 250 bytes each.
 */
class WsRoomSocket implements RoomSocket {
  private readonly tcp: Corkable | null;
  private corked = false;
  private readonly flush = this.uncork.bind(this);
  private readonly onSent = this.reportSendError.bind(this);

  constructor(
    private readonly ws: WebSocket,
    private readonly log: Logger,
    private readonly boardId: string,
    private readonly limiter: MessageLimiter | null,
    readonly role: Role,
  ) {
    this.tcp = tcpSocketOf(ws);
  }

  send(message: Uint8Array): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (this.limiter !== null && message[0] === MESSAGE_AWARENESS) this.limiter.sentAwareness();
    if (this.tcp !== null && !this.corked) {
      this.corked = true;
      this.tcp.cork();
      setImmediate(this.flush);
    }
    this.ws.send(message, SEND_OPTIONS, this.onSent);
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
export function toRoomSocket(ws: WebSocket, log: Logger, boardId: string, limiter: MessageLimiter | null = null, role: Role = 'facilitator'): RoomSocket {
  return new WsRoomSocket(ws, log, boardId, limiter, role);
}

/** What one connection may send (see ServerConfig). */
export interface ConnectionLimits {
  /** Sustained messages per second; 0 = no limit. */
  maxMessagesPerSecond: number;
  maxMessageBurst: number;
}

const NO_LIMITS: ConnectionLimits = { maxMessagesPerSecond: 0, maxMessageBurst: 1 };

/** Joins an upgraded websocket to its board's room and routes its events; nothing here can throw out. */
export function attachConnection(ws: WebSocket, boardId: string, rooms: RoomRegistry, log: Logger, limits = NO_LIMITS, role: Role = 'facilitator'): void {
  const limiter = createMessageLimiter(limits.maxMessagesPerSecond, limits.maxMessageBurst);
  const socket = toRoomSocket(ws, log, boardId, limiter, role);
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
    socket.close(CLOSE_INTERNAL_ERROR, 'board unavailable');
    return;
  }
  log.debug('connection opened', { board: boardId, connections: joined.connectionCount });
  ws.on('message', (data, isBinary) => {
    try {
      const bytes = toBytes(data);
      if (limiter !== null && !limiter.admit(bytes[0] === MESSAGE_AWARENESS)) {
        // Closing rather than dropping: a dropped update would leave the client silently out of
        // sync, while a reconnecting provider re-sends everything the relay lacks.
        joined.refuse(socket, CLOSE_POLICY_VIOLATION, 'message rate limit exceeded');
        return;
      }
      joined.receive(socket, bytes, isBinary);
    } catch (error) {
      log.error('message handler failed', { board: boardId, error: String(error) });
    }
  });
  ws.on('close', (code) => {
    try {
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
