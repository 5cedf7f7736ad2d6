/** Identifiers: board ids (in URLs) and record ids (inside a board document). */

/** A board id is URL-safe and long enough to be unguessable (16–64 chars of [A-Za-z0-9_-]). */
export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Encodes random bytes with the URL-safe base64 alphabet (no padding). */
function randomUrlSafe(bytes: number): string {
  const buf = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buf);
  let out = '';
  // 6 bits per character; draw each character from its own byte so every byte counts once.
  for (const b of buf) out += URL_SAFE[b & 63];
  return out;
}

/** A fresh board id: 22 characters × 6 random bits = 132 bits of entropy. */
export function newBoardId(): string {
  return randomUrlSafe(22);
}

/** Whether a string is acceptable as a board id (used by the SPA router and the relay). */
export function isValidBoardId(id: unknown): id is string {
  return typeof id === 'string' && BOARD_ID_PATTERN.test(id);
}

/** A record id (stage, channel, touchpoint…) as files and references hold it: 1–64 chars of [A-Za-z0-9_-]. */
export const RECORD_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Whether a value is acceptable as a record id. */
export function isRecordId(id: unknown): id is string {
  return typeof id === 'string' && RECORD_ID_PATTERN.test(id);
}

/** A fresh record id (stage, channel, touchpoint…): 16 characters, 96 random bits. */
export function newId(): string {
  return randomUrlSafe(16);
}
