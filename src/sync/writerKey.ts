/**
 * The writer key: a secret this browser presents to the relay (`writer=` on the websocket
 * address) for one board. The relay binds each Yjs client id to the key that first wrote under
 * it, so nobody else can write as that client; the same browser, reconnecting or reloading with
 * unsent edits from its local copy, presents the same key and keeps them.
 */

/** 16 random bytes, base64url without padding. */
import { WRITER_KEY_PATTERN } from '../model/relayProtocol';

export { WRITER_KEY_PATTERN };

const WRITER_KEY_BYTES = 16;

/** Where the key of a board is kept in localStorage. */
export function writerKeyStorageKey(boardId: string): string {
  return `parcours.writer.${boardId}`;
}

/** A fresh key: 16 bytes from `crypto.getRandomValues`, base64url-encoded (22 characters). */
export function newWriterKey(random: Pick<Crypto, 'getRandomValues'> = globalThis.crypto): string {
  const bytes = random.getRandomValues(new Uint8Array(WRITER_KEY_BYTES));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** Keys of this page when the browser keeps no storage (private mode, Node): stable for the page's life. */
const pageKeys = new Map<string, string>();

function defaultStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** This browser's writer key for a board, made and remembered on first use. */
export function writerKey(
  boardId: string,
  storage: Storage | undefined = defaultStorage(),
  random?: Pick<Crypto, 'getRandomValues'>,
): string {
  const name = writerKeyStorageKey(boardId);
  try {
    const kept = storage?.getItem(name);
    if (kept && WRITER_KEY_PATTERN.test(kept)) return kept;
  } catch {
    // Unreadable storage: fall back to the page's own key below.
  }
  const key = pageKeys.get(name) ?? newWriterKey(random);
  pageKeys.set(name, key);
  try {
    storage?.setItem(name, key);
  } catch {
    // Full or forbidden storage: the key lasts as long as the page, which is still correct
    // (only offline edits kept across a reload would then be refused).
  }
  return key;
}
