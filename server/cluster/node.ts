/**
 * One relay instance's membership of the cluster: every instance serves every board (no room
 * affinity), so each instance with a board open follows all of its stored updates.
 *
 *  - A board is opened here: subscribe to its channel FIRST, then load it (up to some seq), then
 *    apply what arrived meanwhile above that seq (BoardFeed.start). Clients are answered after.
 *  - An update committed here (stored with its seq): published after the commit, never before.
 *  - An update of another instance: applied to the room, which fans it to its clients; a hole
 *    in the seqs, a reconnection to Redis, or a higher max(seq) at the periodic check sends the
 *    feed to PostgreSQL for what it lacks.
 *  - Presence: see presence.ts. Close orders (links revoked): applied on every instance.
 */
import type { Logger } from '../log';
import type { ClusterBus } from './bus';
import { BoardFeed, type SeqRow } from './feed';
import type { ClusterMessage } from './messages';
import { PresenceRelay, REMOTE_PRESENCE_TIMEOUT_MS, type PresenceRoom } from './presence';

/** What the cluster reads from the shared store (PostgreSQL) beyond what the rooms use. */
export interface ClusterStore {
  /** Rows of a board with a seq above `seq`, in seq order. */
  loadSince(boardId: string, seq: number): Promise<SeqRow[]>;
  /** The board's highest seq, 0 if it has no row. */
  maxSeq(boardId: string): Promise<number>;
}

/** The room as the cluster drives it. */
export interface ClusterRoom extends PresenceRoom {
  /** Applies an update another instance stored (not stored again here) and sends it to the clients. */
  applyRemote(update: Uint8Array, seq: number): void;
  closeAll(code: number, reason: string): void;
}

export interface ClusterNodeOptions {
  bus: ClusterBus;
  store: ClusterStore;
  log: Logger;
  /** How often open boards are checked against max(seq), presence swept, and a heartbeat sent. */
  checkEveryMs?: number;
  /** An instance not heard of for this long is taken for dead: its presence goes. */
  instanceTimeoutMs?: number;
  /** Remote presence not refreshed for this long goes (y-protocols' own timeout by default). */
  presenceTimeoutMs?: number;
}

export const DEFAULT_CHECK_EVERY_MS = 1500;
export const DEFAULT_INSTANCE_TIMEOUT_MS = 10_000;

interface Board {
  feed: BoardFeed;
  room: ClusterRoom | null;
  presence: PresenceRelay | null;
}

export class ClusterNode {
  private readonly boards = new Map<string, Board>();
  private readonly lastHeard = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly options: ClusterNodeOptions) {
    const { bus } = options;
    bus.onResubscribed(() => {
      for (const [boardId, board] of this.boards) {
        void board.feed.catchUp();
        bus.publish(boardId, { kind: 'presence-query', origin: bus.instanceId });
      }
    });
    bus.onHeartbeat((origin) => this.lastHeard.set(origin, Date.now()));
    this.timer = setInterval(() => this.tick(), options.checkEveryMs ?? DEFAULT_CHECK_EVERY_MS);
    this.timer.unref();
    bus.heartbeat();
  }

  get instanceId(): string {
    return this.options.bus.instanceId;
  }

  /**
   * Before a board is loaded here: subscribes to its channel, so that no update stored between
   * the load and the subscription can be missed. Messages that arrive wait for attach().
   */
  async prepare(boardId: string): Promise<void> {
    if (this.closed) throw new Error('the cluster node is closed');
    if (!this.boards.has(boardId)) {
      const board: Board = {
        room: null,
        presence: null,
        feed: new BoardFeed({
          boardId,
          log: this.options.log,
          loadSince: (seq) => this.options.store.loadSince(boardId, seq),
          maxSeq: () => this.options.store.maxSeq(boardId),
          // Only once attached: until then the feed keeps what arrives.
          apply: (update, seq) => board.room?.applyRemote(update, seq),
        }),
      };
      this.boards.set(boardId, board);
    }
    try {
      await this.options.bus.subscribe(boardId, (message) => this.onMessage(boardId, message));
    } catch (error) {
      // Redis away: serve from PostgreSQL alone; the periodic check and the resubscription catch up.
      this.options.log.warn('could not subscribe to a board; following it through the database', {
        board: boardId,
        error: String(error),
      });
    }
  }

  /**
   * For a registry that loads a board synchronously (before any subscription can complete): the
   * room is loaded at `loadedSeq` already; subscribe now, and once subscribed read what was
   * stored since that seq. It comes to the same as subscribing first: nothing stored between the
   * load and the subscription is missed, it only reaches this room a moment later.
   */
  follow(boardId: string, room: ClusterRoom, loadedSeq: number): void {
    if (this.closed || this.boards.get(boardId)?.room) return; // closed, or followed already
    const subscribed = this.prepare(boardId);
    this.attach(boardId, room, loadedSeq);
    void subscribed.then(() => this.boards.get(boardId)?.feed.catchUp());
  }

  /** The board's room holds every stored row up to `loadedSeq`: start following it. */
  attach(boardId: string, room: ClusterRoom, loadedSeq: number): void {
    const board = this.boards.get(boardId);
    if (!board) throw new Error(`board ${boardId} was not prepared`);
    board.room = room;
    board.presence = new PresenceRelay({
      room,
      instanceId: this.instanceId,
      log: this.options.log,
      timeoutMs: this.options.presenceTimeoutMs ?? REMOTE_PRESENCE_TIMEOUT_MS,
      publish: (message) => this.options.bus.publish(boardId, message),
    });
    board.feed.start(loadedSeq);
    this.options.bus.publish(boardId, { kind: 'presence-query', origin: this.instanceId });
  }

  /** An update stored here with `seq`: tell the other instances (after the commit, never before). */
  committed(boardId: string, update: Uint8Array, seq: number): void {
    const board = this.boards.get(boardId);
    board?.feed.committedHere(seq);
    this.options.bus.publish(boardId, { kind: 'update', origin: this.instanceId, seq, update });
  }

  /** Whether a room connection stands for another instance's connection (not a client of ours). */
  isRemoteConnection(boardId: string, socket: object): boolean {
    return this.boards.get(boardId)?.presence?.isRemote(socket as never) ?? false;
  }

  /** Closes the board's connections on every instance with `code` (e.g. its share links were revoked). */
  closeBoardEverywhere(boardId: string, code: number, reason: string): void {
    this.options.bus.publish(boardId, { kind: 'close', origin: this.instanceId, code, reason });
  }

  /** The board was unloaded here: stop following it. */
  async detach(boardId: string): Promise<void> {
    const board = this.boards.get(boardId);
    if (!board) return;
    this.boards.delete(boardId);
    board.feed.stop();
    board.presence?.stop();
    await this.options.bus.unsubscribe(boardId);
  }

  /** The feed of a board (tests and diagnostics). */
  feedOf(boardId: string): BoardFeed | undefined {
    return this.boards.get(boardId)?.feed;
  }

  /** Whether Redis answers (for /healthz). */
  redisHealthy(): Promise<boolean> {
    return this.options.bus.healthy();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    for (const boardId of [...this.boards.keys()]) await this.detach(boardId);
    await this.options.bus.close();
  }

  private onMessage(boardId: string, message: ClusterMessage): void {
    const board = this.boards.get(boardId);
    if (!board) return;
    this.lastHeard.set(message.origin, Date.now());
    switch (message.kind) {
      case 'update':
        board.feed.receive(message.seq, message.update);
        return;
      case 'presence':
        board.presence?.receive(message);
        return;
      case 'presence-query':
        board.presence?.republish();
        return;
      case 'close':
        // Only codes a websocket may be closed with by an application (ws throws on the others).
        if (message.code !== 1000 && (message.code < 4000 || message.code > 4999)) return;
        board.room?.closeAll(message.code, message.reason.slice(0, 100));
        return;
      case 'heartbeat':
        return;
    }
  }

  private tick(): void {
    if (this.closed) return;
    this.options.bus.heartbeat();
    const dead: string[] = [];
    const limit = Date.now() - (this.options.instanceTimeoutMs ?? DEFAULT_INSTANCE_TIMEOUT_MS);
    for (const [origin, at] of this.lastHeard) {
      if (at >= limit) continue;
      dead.push(origin);
      this.lastHeard.delete(origin);
    }
    for (const board of this.boards.values()) {
      void board.feed.check();
      for (const origin of dead) board.presence?.dropInstance(origin);
      board.presence?.sweep();
    }
  }
}
