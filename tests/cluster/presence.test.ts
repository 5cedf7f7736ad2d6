/**
 * Presence across two instances (two rooms of one board, each with its own store) through a real
 * Redis: seen on both, still owned, gone when its connection or its instance goes.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import { ClusterBus } from '../../server/cluster/bus';
import { PresenceRelay } from '../../server/cluster/presence';
import { silentLogger } from '../../server/log';
import { createMemoryStore } from '../../server/storage/memory';
import { Room } from '../../server/room';
import { joinRoom, RoleSocket } from '../helpers/roomHarness';
import { clusterToolsAvailable, startRedis, stopRedis, type RedisServer } from '../helpers/redis';
import { waitFor } from '../helpers/relay';

const available = clusterToolsAvailable();
const BOARD = 'presence-board';

interface Instance {
  room: Room;
  bus: ClusterBus;
  presence: PresenceRelay;
  clock: { now: number };
}

describe.runIf(available)('presence across instances', () => {
  let redis: RedisServer;
  const instances: Instance[] = [];
  const sockets: RoleSocket[] = [];

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await stopRedis(redis);
  });
  afterEach(async () => {
    for (const { presence, room, bus } of instances.splice(0)) {
      presence.stop();
      room.destroy(1001, 'test over');
      await bus.close();
    }
    for (const socket of sockets.splice(0)) socket.destroy();
  });

  async function instance(id: string): Promise<Instance> {
    const bus = await ClusterBus.connectAndWait({ url: redis.url, log: silentLogger, instanceId: id });
    const room = new Room({ boardId: BOARD, store: createMemoryStore(), log: silentLogger, compactEvery: 1000 });
    const clock = { now: 1_000_000 };
    const presence = new PresenceRelay({
      room,
      instanceId: id,
      log: silentLogger,
      publish: (message) => bus.publish(BOARD, message),
      now: () => clock.now,
    });
    await bus.subscribe(BOARD, (message) => {
      if (message.kind === 'presence') presence.receive(message);
      if (message.kind === 'presence-query') presence.republish();
    });
    const made = { room, bus, presence, clock };
    instances.push(made);
    return made;
  }

  function person(name: string, role: 'facilitator' | 'participant' | 'viewer', room: Room): RoleSocket {
    const socket = new RoleSocket(name, role, `key-${name}`);
    sockets.push(socket);
    joinRoom(room, socket);
    return socket;
  }

  /** Sets a person's presence and sends it to their room, as a provider does. */
  function announce(room: Room, socket: RoleSocket, state: Record<string, unknown>): void {
    socket.awareness.setLocalState(state);
    room.receive(socket, socket.awarenessFrame());
  }

  /** What a person's client shows of others' presence, once it applied what its room sent. */
  function seenBy(socket: RoleSocket): Map<number, Record<string, unknown>> {
    socket.applyReceived();
    const others = new Map(socket.awareness.getStates() as Map<number, Record<string, unknown>>);
    others.delete(socket.doc.clientID);
    return others;
  }

  it('shows each instance the others’ people, with the role their link gives, and removes them when they leave', async () => {
    const a = await instance('a');
    const b = await instance('b');
    const alice = person('alice', 'viewer', a.room);
    const bob = person('bob', 'facilitator', b.room);
    // A viewer's client claiming to be a facilitator is still shown as a viewer, on both instances.
    announce(a.room, alice, { user: { name: 'Alice', role: 'facilitator' } });
    announce(b.room, bob, { user: { name: 'Bob' } });
    await waitFor(() => seenBy(bob).has(alice.doc.clientID) && seenBy(alice).has(bob.doc.clientID));
    expect(seenBy(bob).get(alice.doc.clientID)).toEqual({ user: { name: 'Alice', role: 'viewer' } });
    expect(seenBy(alice).get(bob.doc.clientID)).toEqual({ user: { name: 'Bob', role: 'facilitator' } });
    expect(b.presence.remotePeerCount).toBe(1);

    a.room.disconnect(alice);
    await waitFor(() => !seenBy(bob).has(alice.doc.clientID));
    expect(b.presence.remotePeerCount).toBe(0);
    expect(b.room.awareness.getStates().has(alice.doc.clientID)).toBe(false);
  });

  it('refuses a connection that changes or removes presence another instance’s connection owns', async () => {
    const a = await instance('a');
    const b = await instance('b');
    const alice = person('alice', 'facilitator', a.room);
    const mallory = person('mallory', 'facilitator', b.room);
    const bob = person('bob', 'facilitator', b.room);
    announce(a.room, alice, { user: { name: 'Alice' } });
    await waitFor(() => seenBy(bob).has(alice.doc.clientID));

    // Mallory, on b, forges Alice's client id: a new state, then a removal.
    const forged = new awarenessProtocol.Awareness(alice.doc);
    forged.setLocalState({ user: { name: 'Not Alice' } });
    const meta = forged.meta.get(alice.doc.clientID)!;
    meta.clock = 99;
    b.room.receive(mallory, mallory.awarenessFrame([alice.doc.clientID], forged));
    awarenessProtocol.removeAwarenessStates(forged, [alice.doc.clientID], 'test');
    b.room.receive(mallory, mallory.awarenessFrame([alice.doc.clientID], forged));
    forged.destroy();
    // Let anything the forgery caused cross to a and back.
    announce(b.room, bob, { user: { name: 'Bob' } });
    await waitFor(() => seenBy(alice).has(bob.doc.clientID));
    expect(seenBy(bob).get(alice.doc.clientID)).toEqual({ user: { name: 'Alice', role: 'facilitator' } });
    expect(seenBy(alice).has(alice.doc.clientID)).toBe(false);
    expect(a.room.awareness.getStates().get(alice.doc.clientID)).toEqual({ user: { name: 'Alice', role: 'facilitator' } });
  });

  it('removes the presence of an instance that stopped, at its heartbeat timeout and at the awareness timeout', async () => {
    const a = await instance('a');
    const b = await instance('b');
    const alice = person('alice', 'facilitator', a.room);
    const bob = person('bob', 'facilitator', b.room);
    announce(a.room, alice, { user: { name: 'Alice' } });
    await waitFor(() => seenBy(bob).has(alice.doc.clientID));
    b.presence.dropInstance('a');
    expect(seenBy(bob).has(alice.doc.clientID)).toBe(false);

    announce(a.room, alice, { user: { name: 'Alice', cursor: 1 } });
    await waitFor(() => seenBy(bob).has(alice.doc.clientID));
    b.clock.now += 10_000;
    b.presence.sweep();
    expect(seenBy(bob).has(alice.doc.clientID)).toBe(true);
    b.clock.now += 25_000;
    b.presence.sweep();
    expect(seenBy(bob).has(alice.doc.clientID)).toBe(false);
  });

  it('gives an instance that opens the board later the presence already there', async () => {
    const a = await instance('a');
    const alice = person('alice', 'participant', a.room);
    announce(a.room, alice, { user: { name: 'Alice' } });
    const c = await instance('c');
    const carol = person('carol', 'facilitator', c.room);
    c.bus.publish(BOARD, { kind: 'presence-query', origin: 'c' });
    await waitFor(() => seenBy(carol).has(alice.doc.clientID));
    expect(seenBy(carol).get(alice.doc.clientID)).toEqual({ user: { name: 'Alice', role: 'participant' } });
  });
});
