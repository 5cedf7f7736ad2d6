/**
 * Presence (awareness) of one board across instances, still owned.
 *
 * An instance publishes only the states its own connections own (the room admitted them through
 * server/awarenessOwners.ts), each message naming the connection. Another instance holds each
 * remote connection as a stand-in connection of its room (a RemotePeer): the remote states go
 * through the room's own ownership check as that peer's, so no local connection can change or
 * remove them, and a remote connection cannot take over a local one's. A peer goes when its
 * connection's states are all removed, when it is not heard of for the awareness timeout, or at
 * once when its instance stops sending heartbeats: timeouts, not ghosts.
 */
import type { Awareness } from 'y-protocols/awareness';
import { isRole, type Role } from '../../src/model/roles';
import type { Logger } from '../log';
import { encodeAwarenessMessage, isRemoval, parseMessage, type AwarenessEntry } from '../protocol';
import type { RoomSocket } from '../room';
import type { PresenceMessage } from './messages';

/** The relay's room as presence needs it. */
export interface PresenceRoom {
  readonly boardId: string;
  readonly awareness: Awareness;
  connect(socket: RoomSocket): void;
  receive(socket: RoomSocket, frame: Uint8Array, isBinary?: boolean): void;
  disconnect(socket: RoomSocket): void;
}

/** y-protocols' outdated timeout: a client renews its state twice within it. */
export const REMOTE_PRESENCE_TIMEOUT_MS = 30_000;

/** A connection of another instance, as this instance's room sees it. It receives nothing. */
class RemotePeer implements RoomSocket {
  readonly clientIDs = new Set<number>();
  lastSeen: number;

  constructor(
    readonly origin: string,
    readonly connection: number,
    readonly role: Role,
    readonly writerKey: string | undefined,
    now: number,
    private readonly onClosed: (peer: RemotePeer) => void,
  ) {
    this.lastSeen = now;
  }

  send(): void {
    // The remote connection gets the board from its own instance.
  }

  close(): void {
    this.onClosed(this);
  }
}

export interface PresenceRelayOptions {
  room: PresenceRoom;
  instanceId: string;
  log: Logger;
  publish(message: PresenceMessage): void;
  now?: () => number;
  timeoutMs?: number;
}

export class PresenceRelay {
  private readonly peers = new Map<string, RemotePeer>();
  private readonly peerSet = new WeakSet<RoomSocket>();
  /** Which local connection owns each clientID it announced, as far as presence is concerned. */
  private readonly localOwner = new Map<number, RoomSocket>();
  private readonly connectionIds = new WeakMap<RoomSocket, number>();
  private nextConnectionId = 1;
  private readonly now: () => number;
  private stopped = false;

  constructor(private readonly options: PresenceRelayOptions) {
    this.now = options.now ?? Date.now;
    options.room.awareness.on('update', this.onUpdate);
  }

  /** Remote connections held in the room now. */
  get remotePeerCount(): number {
    return this.peers.size;
  }

  /** Whether a room connection is a stand-in for another instance's connection. */
  isRemote(socket: RoomSocket): boolean {
    return this.peerSet.has(socket);
  }

  /** Applies a presence message of another instance, as owned by that remote connection. */
  receive(message: PresenceMessage): void {
    if (this.stopped || !isRole(message.role)) return;
    let entries: AwarenessEntry[];
    try {
      const parsed = parseMessage(message.awareness);
      if (parsed.kind !== 'awareness') return; // a presence message carries presence and nothing else
      entries = parsed.entries;
    } catch {
      return;
    }
    const key = `${message.origin}/${message.connection}`;
    let peer = this.peers.get(key);
    if (!peer) {
      peer = new RemotePeer(
        message.origin,
        message.connection,
        message.role,
        message.writerKey === '' ? undefined : message.writerKey,
        this.now(),
        (closed) => this.forget(closed),
      );
      this.peers.set(key, peer);
      this.peerSet.add(peer);
      this.options.room.connect(peer);
    }
    peer.lastSeen = this.now();
    this.options.room.receive(peer, message.awareness);
    if (!this.peers.has(key)) return; // the room refused it and closed the peer
    // The room applies a message whole or not at all; what it holds now at the message's clock
    // for a clientID no local connection announced is the peer's.
    const { awareness } = this.options.room;
    for (const entry of entries) {
      const held = awareness.getStates().has(entry.clientID) && awareness.meta.get(entry.clientID)?.clock === entry.clock;
      if (isRemoval(entry) || !awareness.getStates().has(entry.clientID)) peer.clientIDs.delete(entry.clientID);
      else if (held && !this.localOwner.has(entry.clientID)) peer.clientIDs.add(entry.clientID);
    }
    if (peer.clientIDs.size === 0) this.drop(peer);
  }

  /** Sends every state this instance's connections own (another instance just opened the board). */
  republish(): void {
    const bySocket = new Map<RoomSocket, number[]>();
    for (const [clientID, socket] of this.localOwner) {
      if (!this.options.room.awareness.getStates().has(clientID)) continue;
      bySocket.set(socket, [...(bySocket.get(socket) ?? []), clientID]);
    }
    for (const [socket, clientIDs] of bySocket) this.publishFor(socket, clientIDs);
  }

  /** Removes the presence of every connection of an instance that stopped answering. */
  dropInstance(origin: string): void {
    for (const peer of [...this.peers.values()]) if (peer.origin === origin) this.drop(peer);
  }

  /** Removes remote presence nobody refreshed within the timeout. */
  sweep(): void {
    const limit = this.now() - (this.options.timeoutMs ?? REMOTE_PRESENCE_TIMEOUT_MS);
    for (const peer of [...this.peers.values()]) if (peer.lastSeen < limit) this.drop(peer);
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.options.room.awareness.off('update', this.onUpdate);
    for (const peer of [...this.peers.values()]) this.drop(peer);
    this.localOwner.clear();
  }

  private drop(peer: RemotePeer): void {
    if (!this.forget(peer)) return;
    this.options.room.disconnect(peer); // withdraws its states, and every client here sees them go
  }

  /** Forgets a peer; false if it was already gone. */
  private forget(peer: RemotePeer): boolean {
    const key = `${peer.origin}/${peer.connection}`;
    if (this.peers.get(key) !== peer) return false;
    this.peers.delete(key);
    return true;
  }

  private connectionId(socket: RoomSocket): number {
    let id = this.connectionIds.get(socket);
    if (id === undefined) {
      id = this.nextConnectionId++;
      this.connectionIds.set(socket, id);
    }
    return id;
  }

  private publishFor(socket: RoomSocket, clientIDs: number[]): void {
    if (clientIDs.length === 0) return;
    this.options.publish({
      kind: 'presence',
      origin: this.options.instanceId,
      connection: this.connectionId(socket),
      role: socket.role ?? 'facilitator',
      writerKey: socket.writerKey ?? '',
      awareness: encodeAwarenessMessage(this.options.room.awareness, clientIDs),
    });
  }

  private readonly onUpdate = (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    if (this.stopped) return;
    const fromSocket =
      origin !== null && typeof origin === 'object' && !this.peerSet.has(origin as RoomSocket) ? (origin as RoomSocket) : null;
    if (origin !== null && typeof origin === 'object' && !fromSocket) return; // a remote peer's: not ours to relay
    const bySocket = new Map<RoomSocket, number[]>();
    const add = (socket: RoomSocket, clientID: number) => bySocket.set(socket, [...(bySocket.get(socket) ?? []), clientID]);
    for (const clientID of [...change.added, ...change.updated]) {
      if (fromSocket) {
        this.localOwner.set(clientID, fromSocket);
        add(fromSocket, clientID);
      } else {
        const owner = this.localOwner.get(clientID);
        if (owner) add(owner, clientID);
      }
    }
    for (const clientID of change.removed) {
      // A removal by a local connection, or the room withdrawing a local connection's states
      // (origin null) or y-protocols timing one out: the other instances remove it too.
      const owner = this.localOwner.get(clientID);
      if (!owner) continue;
      add(owner, clientID);
    }
    for (const [socket, clientIDs] of bySocket) this.publishFor(socket, clientIDs);
    for (const clientID of change.removed) this.localOwner.delete(clientID);
  };
}
