/**
 * Red-team: presence (awareness) ownership and role stamping in a Room.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../server/storage/memory';
import { Room } from '../../server/room';
import { createLogger } from '../../server/log';
import { MAX_AWARENESS_CLIENTS_PER_CONNECTION, MAX_DEPARTED_CLIENTS } from '../../server/awarenessOwners';
import { awarenessFrame } from '../helpers/handAwareness';
import { RoleSocket } from '../helpers/roomHarness';

const BOARD = 'redteam-aware-0001';
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const state = (name: string) => JSON.stringify({ user: { name, color: '#000000' } });

function setup() {
  const room = new Room({ boardId: BOARD, store: createMemoryStore(), log: createLogger('silent'), compactEvery: 10_000 });
  cleanups.push(() => room.destroy(1001, 'test over'));
  return room;
}

describe('redteam: presence ownership', () => {
  // BREAKS "a connection cannot take over another's presence id, even after it left":
  // AwarenessOwners remembers at most MAX_DEPARTED_CLIENTS departed ids (oldest dropped first).
  // An attacker opens and closes connections, each claiming 8 made-up ids, until the victim's
  // departed id is pushed out of the map; then any connection may claim it.
  it('a departed presence id cannot be taken over by flushing the departed list', () => {
    const room = setup();
    const victim = new RoleSocket('victim', 'facilitator', 'victim-key-000001');
    room.connect(victim);
    const victimId = 123_456;
    room.receive(victim, awarenessFrame([{ clientID: victimId, clock: 1, json: state('Alice (animatrice)') }]));
    expect(room.awareness.getStates().has(victimId)).toBe(true);
    room.disconnect(victim);
    // Keep one harmless connection open so the room stays loaded (as in a live workshop).
    const keepAlive = new RoleSocket('keep', 'viewer');
    room.connect(keepAlive);
    let next = 10_000_000;
    const rounds = Math.ceil(MAX_DEPARTED_CLIENTS / MAX_AWARENESS_CLIENTS_PER_CONNECTION) + 1;
    for (let r = 0; r < rounds; r++) {
      const flusher = new RoleSocket(`flusher-${r}`, 'viewer');
      room.connect(flusher);
      const entries = Array.from({ length: MAX_AWARENESS_CLIENTS_PER_CONNECTION }, () => ({
        clientID: next++,
        clock: 1,
        json: state('x'),
      }));
      room.receive(flusher, awarenessFrame(entries));
      room.disconnect(flusher);
    }
    const impostor = new RoleSocket('impostor', 'viewer', 'impostor-key-0001');
    room.connect(impostor);
    room.receive(impostor, awarenessFrame([{ clientID: victimId, clock: 2, json: state('Alice (animatrice)') }]));
    expect(room.awareness.getStates().has(victimId), 'impostor took over the departed victim id').toBe(false);
  });

  it('holds: a removal entry for someone else’s live id is refused, the state stays', () => {
    const room = setup();
    const a = new RoleSocket('a', 'participant', 'key-a-0000000001');
    const b = new RoleSocket('b', 'participant', 'key-b-0000000001');
    room.connect(a);
    room.connect(b);
    room.receive(a, awarenessFrame([{ clientID: 77, clock: 1, json: state('A') }]));
    room.receive(b, awarenessFrame([{ clientID: 77, clock: 99, json: 'null' }]));
    room.receive(b, awarenessFrame([{ clientID: 77, clock: 100, json: state('B as A') }]));
    expect((room.awareness.getStates().get(77) as { user: { name: string } }).user.name).toBe('A');
  });

  it('holds: the relay’s own awareness and doc client ids cannot be claimed', () => {
    const room = setup();
    const a = new RoleSocket('a', 'participant', 'key-a-0000000001');
    room.connect(a);
    room.receive(a, awarenessFrame([{ clientID: room.awareness.clientID, clock: 1, json: state('relay') }]));
    room.receive(a, awarenessFrame([{ clientID: room.doc.clientID, clock: 1, json: state('relay') }]));
    expect(room.awareness.getStates().size).toBe(0);
  });

  it('holds: the role is stamped whatever shape `user` has; odd shapes are not read as a role', () => {
    const room = setup();
    const v = new RoleSocket('v', 'viewer');
    room.connect(v);
    const shapes = [
      { user: { name: 'x', color: '#000000', role: 'facilitator' } },
      { user: { name: 'x', color: '#000000', __proto__: { role: 'facilitator' } } },
      { user: ['facilitator'] },
      { user: 'facilitator', role: 'facilitator' },
      { user: null, role: 'facilitator' },
    ];
    const jsons = [
      JSON.stringify(shapes[0]),
      '{"user":{"name":"x","color":"#000000","__proto__":{"role":"facilitator"}}}',
      JSON.stringify(shapes[2]),
      JSON.stringify(shapes[3]),
      JSON.stringify(shapes[4]),
      '{"user":{"name":"x","color":"#000000","role":"facilitator","role":"facilitator"}}',
    ];
    jsons.forEach((json, i) => room.receive(v, awarenessFrame([{ clientID: 500 + i, clock: 1, json }])));
    expect(v.closed).toBeNull();
    for (const [id, s] of room.awareness.getStates()) {
      const user = (s as { user?: unknown }).user;
      if (user !== null && typeof user === 'object' && !Array.isArray(user)) {
        expect((user as { role?: unknown }).role, `state ${id}`).toBe('viewer');
        // What a client reads after JSON round trip (the wire).
        expect(JSON.parse(JSON.stringify(user)).role).toBe('viewer');
      }
    }
  });

  it('holds: more than 8 presence ids on one connection are refused', () => {
    const room = setup();
    const a = new RoleSocket('a', 'participant');
    room.connect(a);
    room.receive(a, awarenessFrame(Array.from({ length: 9 }, (_, i) => ({ clientID: 1000 + i, clock: 1, json: state('x') }))));
    expect(room.awareness.getStates().size).toBe(0);
  });
});
