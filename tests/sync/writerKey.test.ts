import { describe, expect, it } from 'vitest';
import { WRITER_KEY_PATTERN, newWriterKey, writerKey, writerKeyStorageKey } from '../../src/sync/writerKey';

/** A Map-backed Storage, as localStorage behaves. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, String(v)),
  };
}

describe('writer key', () => {
  it('encodes 16 random bytes as 22 base64url characters', () => {
    const bytes = Uint8Array.from({ length: 16 }, (_, i) => (i === 0 ? 0xfb : i === 1 ? 0xff : i));
    const key = newWriterKey({
      getRandomValues: <T extends ArrayBufferView | null>(a: T) => (new Uint8Array((a as Uint8Array).buffer).set(bytes), a),
    });
    expect(key).toHaveLength(22);
    expect(key).toMatch(WRITER_KEY_PATTERN);
    // 0xfb 0xff … starts with "-_" in base64url ("+/" in plain base64).
    expect(key.slice(0, 2)).toBe('-_');
    expect(Buffer.from(key, 'base64url')).toEqual(Buffer.from(bytes));
  });

  it('draws a different key each time from crypto.getRandomValues', () => {
    const keys = new Set(Array.from({ length: 50 }, () => newWriterKey()));
    expect(keys.size).toBe(50);
  });

  it('is made once per board and kept in localStorage under parcours.writer.<boardId>', () => {
    const storage = memoryStorage();
    const first = writerKey('board_aaaaaaaaaaaaaaaa', storage);
    expect(storage.getItem('parcours.writer.board_aaaaaaaaaaaaaaaa')).toBe(first);
    expect(writerKeyStorageKey('board_aaaaaaaaaaaaaaaa')).toBe('parcours.writer.board_aaaaaaaaaaaaaaaa');
    expect(writerKey('board_aaaaaaaaaaaaaaaa', storage)).toBe(first);
    const other = writerKey('board_bbbbbbbbbbbbbbbb', storage);
    expect(other).not.toBe(first);
    expect(other).toMatch(WRITER_KEY_PATTERN);
  });

  it('replaces a stored value that is not a valid key', () => {
    const storage = memoryStorage();
    storage.setItem('parcours.writer.board_cccccccccccccccc', 'not-a-key');
    const key = writerKey('board_cccccccccccccccc', storage);
    expect(key).toMatch(WRITER_KEY_PATTERN);
    expect(storage.getItem('parcours.writer.board_cccccccccccccccc')).toBe(key);
  });

  it('keeps one key for the page when storage refuses to keep it', () => {
    const broken = {
      ...memoryStorage(),
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    } as Storage;
    const key = writerKey('board_dddddddddddddddd', broken);
    expect(key).toMatch(WRITER_KEY_PATTERN);
    expect(writerKey('board_dddddddddddddddd', broken)).toBe(key);
    expect(writerKey('board_dddddddddddddddd', undefined)).toBe(key);
  });
});
