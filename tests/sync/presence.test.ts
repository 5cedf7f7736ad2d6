import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { announce, loadIdentity, NAME_MAX_LENGTH, readActivity, saveIdentity } from '../../src/sync/presence';

/** A Storage kept in memory, as localStorage behaves. */
function memoryStorage(entries: Record<string, string> = {}): Storage {
  const map = new Map(Object.entries(entries));
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, String(v)),
  };
}

describe('loadIdentity', () => {
  it('gives back the identity saved by this browser', () => {
    const storage = memoryStorage();
    saveIdentity({ id: 'person_12345678', name: 'Camille', color: '#2563eb' }, storage);
    expect(loadIdentity(storage)).toEqual({ id: 'person_12345678', name: 'Camille', color: '#2563eb' });
  });

  it('treats a first visit, a corrupt entry or a bad colour as no identity', () => {
    expect(loadIdentity(memoryStorage())).toBeNull();
    expect(loadIdentity(memoryStorage({ 'parcours.identity': '{not json' }))).toBeNull();
    expect(loadIdentity(memoryStorage({ 'parcours.identity': JSON.stringify({ name: 'Léa', color: 'red' }) }))).toBeNull();
    expect(loadIdentity(memoryStorage({ 'parcours.identity': JSON.stringify({ name: '   ', color: '#2563eb' }) }))).toBeNull();
  });

  it('gives an identity saved before ids existed a lasting id, and trims an over-long name', () => {
    const storage = memoryStorage({ 'parcours.identity': JSON.stringify({ name: `  ${'x'.repeat(100)} `, color: '#2563eb' }) });
    const first = loadIdentity(storage)!;
    expect(first.id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(first.name).toHaveLength(NAME_MAX_LENGTH);
    expect(loadIdentity(storage)?.id).toBe(first.id);
  });
});

describe('readActivity', () => {
  it('lists this client first, then the others by name, with the role the relay stamped', () => {
    const awareness = new Awareness(new Y.Doc());
    announce(awareness, { id: 'me_12345678', name: 'Zoé', color: '#2563eb' }, 'participant');
    awareness.states.set(101, { user: { id: 'p_bbbbbbbb', name: 'Bruno', color: '#7c3aed', role: 'facilitator' } });
    awareness.states.set(102, { user: { id: 'p_aaaaaaaa', name: 'Alice', color: '#db2777', role: 'viewer' } });
    const peers = readActivity(awareness);
    expect(peers.map((p) => [p.name, p.role, p.isSelf])).toEqual([
      ['Zoé', 'participant', true],
      ['Alice', 'viewer', false],
      ['Bruno', 'facilitator', false],
    ]);
    awareness.destroy();
  });

  it('skips states without a name, takes unknown roles for viewers and drops malformed activity', () => {
    const awareness = new Awareness(new Y.Doc());
    awareness.setLocalState(null);
    awareness.states.set(201, { cursor: { x: 1, y: 2 } });
    awareness.states.set(202, {
      user: { name: 'Hugo', color: 'javascript:alert(1)', role: 'admin' },
      cursor: { x: 'a', y: 2 },
      viewport: { x: 0, y: 0, zoom: 0 },
      summon: { at: 5, viewport: { x: 0, y: 0, zoom: -1 } },
      editing: 42,
    });
    const [hugo, ...rest] = readActivity(awareness);
    expect(rest).toEqual([]);
    expect(hugo).toMatchObject({
      name: 'Hugo',
      role: 'viewer',
      color: '#64748b',
      cursor: null,
      viewport: null,
      summon: null,
      editing: null,
      id: '202',
    });
    awareness.destroy();
  });
});
