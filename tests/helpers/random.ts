import { vi } from 'vitest';
/** A seeded pseudo-random source for reproducible property and convergence tests. */

export { mulberry32 } from './mulberry32';
import { mulberry32 } from './mulberry32';

/** Convenience draws over one seeded generator. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** Shuffles `items` in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[]): T[];
  /** A short string of letters, spaces and the odd accent or emoji. */
  word(maxLength?: number): string;
}

const ALPHABET = [...'abcdefghijklmnopqrstuvwxyz     éèçàœ', '😀', '👍🏽', '🇫🇷'];

/** A Random drawing from mulberry32(seed). */
export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[int(0, items.length - 1)] as T;
  };
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick,
    shuffle<T>(items: T[]): T[] {
      for (let i = items.length - 1; i > 0; i--) {
        const j = int(0, i);
        [items[i], items[j]] = [items[j] as T, items[i] as T];
      }
      return items;
    },
    word(maxLength = 8) {
      let out = '';
      const n = int(1, maxLength);
      for (let i = 0; i < n; i++) out += pick(ALPHABET);
      return out;
    },
  };
}

/** Record ids come from crypto.getRandomValues: seed them too, so a failing seed replays exactly. */
export function seedRecordIds(random: Random): void {
  vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
    if (array) {
      const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
      for (let i = 0; i < bytes.length; i++) bytes[i] = random.int(0, 255);
    }
    return array;
  });
}
