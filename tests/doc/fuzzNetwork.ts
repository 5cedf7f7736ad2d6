/**
 * Peers around a relay document, as in production: every peer talks only to the relay over its
 * own link, the relay forwards each change to every other connected peer, and links can drop.
 * A dropped link loses everything in flight; reconnecting runs the y-websocket handshake (both
 * sides send sync step 1, answered by sync step 2 computed when the step 1 arrives).
 */
import * as Y from 'yjs';
import type { Random } from '../helpers/random';

type Message = { kind: 'update'; update: Uint8Array } | { kind: 'step1'; stateVector: Uint8Array };

/** The origin of updates applied from the network. */
export const FROM_NETWORK = 'network';

interface Link {
  online: boolean;
  /** peer -> relay, and relay -> peer, in flight. */
  up: Message[];
  down: Message[];
}

export class StarNetwork {
  readonly relay = new Y.Doc();
  private readonly links: Link[];
  /** Set while the relay applies a message from link `i`, so it does not send the change back. */
  private applyingFrom = -1;

  constructor(readonly peers: readonly Y.Doc[]) {
    this.links = peers.map(() => ({ online: true, up: [], down: [] }));
    peers.forEach((peer, i) => {
      peer.on('update', (update: Uint8Array, origin: unknown) => {
        const link = this.links[i] as Link;
        if (origin !== FROM_NETWORK && link.online) link.up.push({ kind: 'update', update });
      });
    });
    this.relay.on('update', (update: Uint8Array) => {
      this.links.forEach((link, i) => {
        if (link.online && i !== this.applyingFrom) link.down.push({ kind: 'update', update });
      });
    });
    // Start in sync, as after a handshake.
    for (const peer of peers) Y.applyUpdate(this.relay, Y.encodeStateAsUpdate(peer), FROM_NETWORK);
    for (const peer of peers) Y.applyUpdate(peer, Y.encodeStateAsUpdate(this.relay), FROM_NETWORK);
  }

  get inFlight(): number {
    return this.links.reduce((n, l) => n + l.up.length + l.down.length, 0);
  }

  /** Drops peer `i`'s link, losing whatever was in flight on it. */
  disconnect(i: number): void {
    const link = this.links[i] as Link;
    link.online = false;
    link.up.length = 0;
    link.down.length = 0;
  }

  /** Reconnects peer `i`: each side sends its sync step 1. */
  connect(i: number): void {
    const link = this.links[i] as Link;
    if (link.online) return;
    link.online = true;
    link.up.push({ kind: 'step1', stateVector: Y.encodeStateVector(this.peers[i] as Y.Doc) });
    link.down.push({ kind: 'step1', stateVector: Y.encodeStateVector(this.relay) });
  }

  isOnline(i: number): boolean {
    return (this.links[i] as Link).online;
  }

  /**
   * Delivers one message from a random non-empty direction of a random link: usually the oldest
   * (a websocket is ordered), sometimes a later one, to shake the order harder than TCP would.
   */
  deliverOne(random: Random): boolean {
    const busy = this.links.flatMap((link, i) => [
      ...(link.up.length ? [[i, 'up'] as const] : []),
      ...(link.down.length ? [[i, 'down'] as const] : []),
    ]);
    if (busy.length === 0) return false;
    const [i, direction] = random.pick(busy);
    const queue = (this.links[i] as Link)[direction];
    const at = random.chance(0.85) ? 0 : random.int(0, queue.length - 1);
    const [message] = queue.splice(at, 1) as [Message];
    if (direction === 'up') this.toRelay(i, message);
    else this.toPeer(i, message);
    return true;
  }

  /** Delivers until nothing is in flight. */
  drain(random: Random): void {
    while (this.deliverOne(random));
  }

  private toRelay(i: number, message: Message): void {
    const link = this.links[i] as Link;
    if (message.kind === 'step1') {
      link.down.push({ kind: 'update', update: Y.encodeStateAsUpdate(this.relay, message.stateVector) });
      return;
    }
    this.applyingFrom = i;
    try {
      Y.applyUpdate(this.relay, message.update, FROM_NETWORK);
    } finally {
      this.applyingFrom = -1;
    }
  }

  private toPeer(i: number, message: Message): void {
    const peer = this.peers[i] as Y.Doc;
    if (message.kind === 'step1') {
      (this.links[i] as Link).up.push({ kind: 'update', update: Y.encodeStateAsUpdate(peer, message.stateVector) });
      return;
    }
    Y.applyUpdate(peer, message.update, FROM_NETWORK);
  }
}
