import { describe, expect, it } from 'vitest';
import { BOARD_ID_PATTERN, isValidBoardId, newBoardId, newId } from '../../src/model/ids';

describe('newBoardId', () => {
  it('makes 22 URL-safe characters (132 random bits) that pass validation', () => {
    for (let i = 0; i < 200; i++) {
      const id = newBoardId();
      expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(isValidBoardId(id)).toBe(true);
    }
  });

  it('never repeats and uses all 64 symbols (6 bits per character)', () => {
    const ids = Array.from({ length: 2000 }, newBoardId);
    expect(new Set(ids).size).toBe(ids.length);
    const symbols = new Set(ids.join(''));
    expect(symbols.size).toBe(64);
  });
});

describe('isValidBoardId', () => {
  it('accepts 16 to 64 URL-safe characters', () => {
    expect(isValidBoardId('a'.repeat(16))).toBe(true);
    expect(isValidBoardId('A-_z9'.repeat(12) + 'abcd')).toBe(true);
  });

  it.each([
    ['too short', 'a'.repeat(15)],
    ['too long', 'a'.repeat(65)],
    ['a path', '../../etc/passwd1234'],
    ['a slash', 'abcdefgh/ijklmnopq'],
    ['a dot', 'abcdefgh.ijklmnopq'],
    ['a space', 'abcdefgh ijklmnopq'],
    ['non-ASCII', 'abcdefghéijklmnopq'],
    ['a trailing newline', 'abcdefghijklmnopq\n'],
  ])('rejects %s', (_what, id) => {
    expect(isValidBoardId(id)).toBe(false);
  });

  it('rejects non-strings', () => {
    for (const v of [undefined, null, 1234567890123456, ['a'.repeat(20)], {}]) expect(isValidBoardId(v)).toBe(false);
  });

  it('is anchored, so a valid id inside a longer string does not pass', () => {
    expect(BOARD_ID_PATTERN.test(`x/${'a'.repeat(20)}`)).toBe(false);
  });
});

describe('newId', () => {
  it('makes distinct 16-character URL-safe record ids', () => {
    const ids = Array.from({ length: 1000 }, newId);
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });
});
