/**
 * Which writer may add structs under each Yjs client id of a board. A browser presents a
 * random writer key (kept per board) when it connects; the first key that writes under a
 * client id owns it for good, so nobody else can append to another person's clocks: neither
 * to take their next edits' place nor to lay traps on clocks they have not written yet.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { WRITER_KEY_PARAM, WRITER_KEY_PATTERN } from '../src/model/relayProtocol';
import { isPromise, type MaybePromise, type RoomStore } from './storage/types';

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
  /**
   * @param owners the board's stored bindings (`loadWriters`), read when the board was loaded.
   */
  constructor(
    private readonly boardId: string,
    private readonly store: RoomStore,
    private readonly owners: Map<number, string>,
  ) {}

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

  /** The client ids a transaction wrote under for the first time (read inside its update event). */
  newClients(transaction: Y.Transaction): number[] {
    const clients: number[] = [];
    for (const [client, after] of transaction.afterState) {
      if (after !== (transaction.beforeState.get(client) ?? 0) && !this.owners.has(client)) clients.push(client);
    }
    return clients;
  }

  /**
   * Records `key` as the owner of each client id of a committed transaction not owned yet.
   * Resolves once the store holds the bindings (at once with a synchronous store).
   */
  bind(clients: readonly number[], key: string): MaybePromise<void> {
    const stored: Promise<void>[] = [];
    for (const client of clients) {
      if (this.owners.has(client)) continue;
      this.owners.set(client, key);
      const done = this.store.bindWriter(this.boardId, client, key);
      if (isPromise(done)) stored.push(done);
    }
    if (stored.length > 0) return Promise.all(stored).then(() => undefined);
  }
}
