/**
 * Which writer may add structs under each Yjs client id of a board. A browser presents a
 * random writer key (kept per board) when it connects; the first key that writes under a
 * client id owns it for good, so nobody else can append to another person's clocks: neither
 * to take their next edits' place nor to lay traps on clocks they have not written yet.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { WRITER_KEY_PARAM, WRITER_KEY_PATTERN } from '../src/model/relayProtocol';
import type { BoardStore } from './persistence';

/** What the relay keeps of a writer key: its hash, so the store never holds a usable key. */
export function hashWriterKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}

/** The hashed writer key of a sync request (`?writer=…`), or undefined when absent or malformed. */
export function writerKeyOf(url: string | undefined): string | undefined {
  const query = (url ?? '').split('?')[1];
  if (!query) return undefined;
  const key = new URLSearchParams(query.split('#')[0]).get(WRITER_KEY_PARAM);
  return key && WRITER_KEY_PATTERN.test(key) ? hashWriterKey(key) : undefined;
}

/** A key for a connection that presented none: it can write under new client ids only, once. */
export function anonymousWriterKey(): string {
  return `anon:${randomBytes(12).toString('base64url')}`;
}

export class WriterRegistry {
  private readonly owners: Map<number, string>;

  constructor(
    private readonly boardId: string,
    private readonly store: BoardStore,
  ) {
    this.owners = store.loadWriters(boardId);
  }

  /** Keeps a client id out of everyone's reach (the relay's own document). */
  reserve(client: number): void {
    if (!this.owners.has(client)) this.owners.set(client, '');
  }

  /**
   * Whether the writer with `key` may add structs under `client`. A client id already written
   * under another key, or written before keys existed, or announced in presence by another
   * writer, is someone else's.
   */
  mayWrite(doc: Y.Doc, client: number, key: string, announcedBy: string | undefined): boolean {
    const owner = this.owners.get(client);
    if (owner !== undefined) return owner === key && key !== '';
    if (Y.getState(doc.store, client) > 0) return false;
    return announcedBy === undefined || announcedBy === key;
  }

  /** Records the owner of every client id a committed transaction wrote under for the first time. */
  bindNew(transaction: Y.Transaction, key: string): void {
    for (const [client, after] of transaction.afterState) {
      if (after === (transaction.beforeState.get(client) ?? 0) || this.owners.has(client)) continue;
      this.owners.set(client, key);
      this.store.bindWriter(this.boardId, client, key);
    }
  }
}
