import { describe, expect, it } from 'vitest';
import { byOrder, isOrderKey, keyBetween, keyForIndex, spreadKeys } from '../../src/model/order';
import { createRandom } from '../helpers/random';

function expectStrictlyIncreasing(keys: readonly string[]): void {
  for (let i = 1; i < keys.length; i++) {
    if (!((keys[i - 1] as string) < (keys[i] as string))) {
      throw new Error(`keys ${i - 1} and ${i} out of order: ${keys[i - 1]} >= ${keys[i]}`);
    }
  }
}

describe('keyBetween', () => {
  it('makes a valid first key for an empty list', () => {
    expect(isOrderKey(keyBetween(null, null))).toBe(true);
  });

  it.each([
    [null, '1'],
    [null, '01'],
    [null, '001'],
    ['z', null],
    ['zzz', null],
    ['1', '2'],
    ['1', '101'],
    ['1', '11'],
    ['1z', '2'],
    ['1z', '2a'],
    ['V', 'W'],
    ['Vz', 'W'],
    ['0z', '1'],
    ['a', 'b01'],
    ['x', 'y'],
  ])('puts a key strictly between %s and %s that never ends in 0', (before, after) => {
    const key = keyBetween(before, after);
    if (before !== null) expect(key > before).toBe(true);
    if (after !== null) expect(key < after).toBe(true);
    expect(key.endsWith('0')).toBe(false);
    expect(isOrderKey(key)).toBe(true);
  });

  it('refuses neighbours that are equal or reversed', () => {
    expect(() => keyBetween('V', 'V')).toThrow(RangeError);
    expect(() => keyBetween('W', 'V')).toThrow(RangeError);
  });

  it('keeps strict order under many random insertions (seeded)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = createRandom(seed);
      const keys: string[] = [];
      for (let step = 0; step < 400; step++) {
        // Bias towards the ends and neighbours of recent inserts, where keys get long.
        const index = random.chance(0.3) ? random.pick([0, keys.length]) : random.int(0, keys.length);
        const key = keyBetween(keys[index - 1] ?? null, keys[index] ?? null);
        expect(isOrderKey(key)).toBe(true);
        keys.splice(index, 0, key);
      }
      expectStrictlyIncreasing(keys);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('keeps strict order when always inserting at the front, at the end or right after the first', () => {
    const front: string[] = [];
    const back: string[] = [];
    const second: string[] = ['V'];
    for (let i = 0; i < 500; i++) {
      front.unshift(keyBetween(null, front[0] ?? null));
      back.push(keyBetween(back.at(-1) ?? null, null));
      second.splice(1, 0, keyBetween(second[0] as string, second[1] ?? null));
    }
    for (const keys of [front, back, second]) {
      expectStrictlyIncreasing(keys);
      expect(keys.every(isOrderKey)).toBe(true);
    }
  });
});

describe('spreadKeys', () => {
  it('gives `count` increasing valid keys for every size from 1 to 2000', () => {
    expect(spreadKeys(0)).toEqual([]);
    for (let count = 1; count <= 2000; count++) {
      const keys = spreadKeys(count);
      expect(keys).toHaveLength(count);
      expectStrictlyIncreasing(keys);
      if (!keys.every(isOrderKey)) throw new Error(`invalid key in spreadKeys(${count})`);
    }
  });

  it('leaves room between neighbours for later inserts', () => {
    const keys = spreadKeys(5);
    for (let i = 1; i < keys.length; i++) {
      const mid = keyBetween(keys[i - 1] as string, keys[i] as string);
      expect(mid.length).toBeLessThanOrEqual(2);
    }
  });
});

describe('keyForIndex', () => {
  const list = spreadKeys(3).map((order) => ({ order }));

  it('places a key at the start, in the middle and at the end', () => {
    const first = keyForIndex(list, 0) as string;
    const middle = keyForIndex(list, 1) as string;
    const last = keyForIndex(list, 3) as string;
    expect(first < (list[0]?.order as string)).toBe(true);
    expect(middle > (list[0]?.order as string) && middle < (list[1]?.order as string)).toBe(true);
    expect(last > (list[2]?.order as string)).toBe(true);
  });

  it('clamps an index outside the list', () => {
    expect(keyForIndex(list, -4)).toBe(keyForIndex(list, 0));
    expect(keyForIndex(list, 99)).toBe(keyForIndex(list, 3));
  });

  it('returns null when the neighbours share a key, so the caller renumbers', () => {
    const tied = [{ order: 'V' }, { order: 'V' }];
    expect(keyForIndex(tied, 1)).toBeNull();
    // The ends of a tied list still have room.
    expect(keyForIndex(tied, 0)).not.toBeNull();
    expect(keyForIndex(tied, 2)).not.toBeNull();
  });
});

describe('byOrder', () => {
  it('sorts by key, then by id when keys are equal', () => {
    const records = [
      { id: 'b', order: 'V' },
      { id: 'c', order: 'A' },
      { id: 'a', order: 'V' },
    ];
    expect([...records].sort(byOrder).map((r) => r.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('isOrderKey', () => {
  it('accepts keys of the alphabet and rejects empty, trailing-zero or foreign keys', () => {
    expect(isOrderKey('V')).toBe(true);
    expect(isOrderKey('0V')).toBe(true);
    expect(isOrderKey('')).toBe(false);
    expect(isOrderKey('V0')).toBe(false);
    expect(isOrderKey('V!')).toBe(false);
    expect(isOrderKey(3)).toBe(false);
  });
});
