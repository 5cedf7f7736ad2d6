/**
 * The instances' message bus on Redis pub/sub: one channel per board, one shared channel for
 * heartbeats. Redis only carries news: everything durable is in PostgreSQL, so a message lost
 * here (Redis restarted, a subscriber cut off) delays an edit until the seq catch-up, and
 * publishing while Redis is away fails fast instead of queueing without bound.
 */
import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import type { Logger } from '../log';
import { decodeClusterMessage, encodeClusterMessage, type ClusterMessage } from './messages';

const CHANNEL_PREFIX = 'parcours:board:';
const INSTANCES_CHANNEL = 'parcours:instances';
/** Longest wait between two reconnection attempts to Redis. */
const MAX_RECONNECT_DELAY_MS = 1000;
/** How long /healthz waits for Redis to answer a PING. */
const HEALTH_TIMEOUT_MS = 500;

export type BoardHandler = (message: ClusterMessage) => void;

export interface ClusterBusOptions {
  url: string;
  log: Logger;
  /** This instance's name on the bus (random when absent). */
  instanceId?: string;
  /**
   * Share (0–1) of incoming update messages dropped on purpose: tests prove with it that the seq
   * catch-up, not pub/sub, is what makes instances converge. Never set in production.
   */
  dropShare?: number;
  random?: () => number;
}

export class ClusterBus {
  readonly instanceId: string;
  private readonly publisher: ReturnType<typeof createClient>;
  private readonly subscriber: ReturnType<typeof createClient>;
  private readonly handlers = new Map<string, BoardHandler>();
  /** Every channel this instance listens to, with its listener. */
  private readonly wanted = new Map<string, (message: Buffer) => void>();
  /** Channels Redis confirmed (node-redis restores them on reconnection by itself). */
  private readonly confirmed = new Set<string>();
  private readonly resubscribedListeners = new Set<() => void>();
  private readonly heartbeatListeners = new Set<(origin: string) => void>();
  private readonly dropShare: number;
  private readonly random: () => number;
  private everReady = false;
  /** The subscriber is back but the publisher is not yet: the catch-up waits for both. */
  private catchUpPending = false;
  private closed = false;

  private constructor(private readonly options: ClusterBusOptions) {
    this.instanceId = options.instanceId ?? randomBytes(6).toString('hex');
    this.dropShare = Math.min(1, Math.max(0, options.dropShare ?? 0));
    this.random = options.random ?? Math.random;
    const clientOptions = {
      url: options.url,
      // Publishing while Redis is away must fail at once: the catch-up repairs it, a queue would not.
      disableOfflineQueue: true,
      socket: { reconnectStrategy: (retries: number) => Math.min(50 * 2 ** Math.min(retries, 5), MAX_RECONNECT_DELAY_MS) },
    };
    this.publisher = createClient(clientOptions);
    this.subscriber = createClient(clientOptions);
    let lastError = '';
    const onError = (error: unknown) => {
      // node-redis reports every failed reconnection attempt: log each distinct cause once.
      const text = error instanceof Error ? error.message : String(error);
      if (text === lastError) return;
      lastError = text;
      options.log.warn('redis connection error', { error: text });
    };
    this.publisher.on('error', onError);
    this.subscriber.on('error', onError);
    this.subscriber.on('ready', () => {
      lastError = '';
      void this.onReady();
    });
    this.publisher.on('ready', () => {
      if (this.catchUpPending && this.subscriber.isReady) this.announceCatchUp();
    });
  }

  /**
   * Redis answers (again): channels whose SUBSCRIBE never went through are asked for (node-redis
   * restores the ones it had), then every open board catches up, since what was published
   * meanwhile is lost. The listeners are told once both connections are up: the catch-up
   * publishes (a presence query), and a message sent before the publisher is back would be lost.
   */
  private async onReady(): Promise<void> {
    await Promise.all([...this.wanted.keys()].map((channel) => this.trySubscribe(channel)));
    const first = !this.everReady;
    this.everReady = true;
    if (first && this.handlers.size === 0) return;
    if (this.publisher.isReady) this.announceCatchUp();
    else this.catchUpPending = true;
  }

  private announceCatchUp(): void {
    this.catchUpPending = false;
    if (this.closed) return;
    this.options.log.info('redis is there: catching up every open board');
    for (const listener of this.resubscribedListeners) listener();
  }

  /**
   * Starts both Redis connections. Resolves at once: an instance starts and serves its own
   * clients without Redis (PostgreSQL has everything), and joins the others once Redis answers.
   */
  static connect(options: ClusterBusOptions): Promise<ClusterBus> {
    const bus = new ClusterBus(options);
    bus.wanted.set(INSTANCES_CHANNEL, (message) => bus.onInstancesMessage(message));
    // Failures are reported through 'error' and retried by the reconnect strategy.
    bus.publisher.connect().catch(() => undefined);
    bus.subscriber.connect().catch(() => undefined);
    return Promise.resolve(bus);
  }

  /** connect(), then waits until Redis answered and the instances' channel is subscribed. */
  static async connectAndWait(options: ClusterBusOptions, timeoutMs?: number): Promise<ClusterBus> {
    const bus = await ClusterBus.connect(options);
    await bus.ready(timeoutMs);
    return bus;
  }

  /** Resolves once both connections are up (tests, and a start that prefers to wait). */
  async ready(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(this.isConnected() && this.confirmed.has(INSTANCES_CHANNEL))) {
      if (Date.now() > deadline) throw new Error('redis did not answer in time');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Receives the board's messages from other instances (own echoes are filtered out). Resolves once subscribed, or once Redis refused (then retried at its return). */
  async subscribe(boardId: string, handler: BoardHandler): Promise<void> {
    const first = !this.handlers.has(boardId);
    this.handlers.set(boardId, handler);
    if (!first) return;
    const channel = CHANNEL_PREFIX + boardId;
    this.wanted.set(channel, (message) => this.onBoardMessage(boardId, message));
    await this.trySubscribe(channel);
  }

  async unsubscribe(boardId: string): Promise<void> {
    if (!this.handlers.delete(boardId)) return;
    const channel = CHANNEL_PREFIX + boardId;
    this.wanted.delete(channel);
    const was = this.confirmed.delete(channel);
    if (this.closed || !was) return;
    try {
      await this.subscriber.unsubscribe(channel);
    } catch {
      // Redis is away: the subscription died with the connection, and is not restored (not wanted).
    }
  }

  /** Subscribes to a wanted channel if Redis is there; otherwise the next 'ready' does. */
  private async trySubscribe(channel: string): Promise<void> {
    const listener = this.wanted.get(channel);
    if (!listener || this.confirmed.has(channel) || this.closed || !this.subscriber.isReady) return;
    try {
      await this.subscriber.subscribe(channel, listener, true);
      if (this.wanted.get(channel) === listener) this.confirmed.add(channel);
      else await this.subscriber.unsubscribe(channel); // unsubscribed meanwhile
    } catch (error) {
      this.options.log.debug('subscribe failed; retried when redis is back', { channel, error: String(error) });
    }
  }

  /** Publishes to the board's channel; never throws (Redis away: the others catch up from PostgreSQL). */
  publish(boardId: string, message: ClusterMessage): void {
    this.send(CHANNEL_PREFIX + boardId, message);
  }

  /** Tells every instance this one is alive. */
  heartbeat(): void {
    this.send(INSTANCES_CHANNEL, { kind: 'heartbeat', origin: this.instanceId });
  }

  /** Called after the subscriber reconnected to Redis: messages of the gap are lost, catch up. */
  onResubscribed(listener: () => void): void {
    this.resubscribedListeners.add(listener);
  }

  /** Called for each heartbeat of another instance. */
  onHeartbeat(listener: (origin: string) => void): void {
    this.heartbeatListeners.add(listener);
  }

  /** Whether both connections to Redis are up now (no round trip). */
  isConnected(): boolean {
    return !this.closed && this.publisher.isReady && this.subscriber.isReady;
  }

  /** Whether Redis answers a PING now (for /healthz). */
  async healthy(): Promise<boolean> {
    if (this.closed || !this.publisher.isReady) return false;
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), HEALTH_TIMEOUT_MS);
      });
      return (await Promise.race([this.publisher.ping(), timeout])) === 'PONG';
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.handlers.clear();
    this.wanted.clear();
    await Promise.allSettled([this.publisher.close(), this.subscriber.close()]);
    // A client that never got its connection back only stops with destroy().
    for (const client of [this.publisher, this.subscriber]) if (client.isOpen) client.destroy();
  }

  private send(channel: string, message: ClusterMessage): void {
    if (this.closed || !this.publisher.isReady) return;
    this.publisher.publish(channel, Buffer.from(encodeClusterMessage(message))).catch((error: unknown) => {
      this.options.log.debug('publish failed', { channel, error: String(error) });
    });
  }

  private onBoardMessage(boardId: string, raw: Buffer): void {
    const message = decodeClusterMessage(new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength));
    if (message === null) {
      this.options.log.warn('ignored a malformed cluster message', { board: boardId });
      return;
    }
    if (message.origin === this.instanceId) return;
    if (message.kind === 'update' && this.dropShare > 0 && this.random() < this.dropShare) return;
    const handler = this.handlers.get(boardId);
    if (!handler) return;
    try {
      handler(message);
    } catch (error) {
      this.options.log.error('a cluster message failed', { board: boardId, kind: message.kind, error: String(error) });
    }
  }

  private onInstancesMessage(raw: Buffer): void {
    const message = decodeClusterMessage(new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength));
    if (message?.kind !== 'heartbeat' || message.origin === this.instanceId) return;
    for (const listener of this.heartbeatListeners) listener(message.origin);
  }
}
