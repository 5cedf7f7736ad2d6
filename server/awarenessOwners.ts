/** Which connection speaks for which awareness clientID, so nobody can impersonate or evict another peer. */
import { isRemoval, type AwarenessEntry } from './protocol';

/** A legitimate provider announces one awareness client; a few more leave room for odd clients. */
export const MAX_AWARENESS_CLIENTS_PER_CONNECTION = 8;

/**
 * Departed clientIDs remembered per board, so none is handed to another writer. When full, new
 * departures are not remembered rather than old ones forgotten: a flood of made-up ids must not
 * push a real person's id out. Entries expire after DEPARTED_TTL_MS (a tab comes back sooner).
 */
export const MAX_DEPARTED_CLIENTS = 10_000;
const DEPARTED_TTL_MS = 60 * 60 * 1000;

export type AwarenessVerdict = { ok: true } | { ok: false; reason: string };

export class AwarenessOwners<Connection> {
  private readonly ownerOf = new Map<number, Connection>();
  private readonly ownedBy = new Map<Connection, Set<number>>();
  /** The writer key of the connection that last spoke for each departed clientID. */
  private readonly departed = new Map<number, { key: string; at: number }>();

  /**
   * @param reserved clientIDs nobody may claim (the relay's own doc clientID).
   * @param keyOf the writer key of a connection: a departed clientID comes back only with it.
   */
  constructor(
    private readonly reserved: ReadonlySet<number>,
    private readonly keyOf: (connection: Connection) => string = () => '',
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Checks an awareness update from `connection` and, if acceptable, records the clientIDs it
   * introduces. The update is all-or-nothing: one foreign entry rejects the whole message.
   */
  admit(connection: Connection, entries: readonly AwarenessEntry[]): AwarenessVerdict {
    const owned = this.ownedBy.get(connection) ?? new Set<number>();
    const claims = new Set<number>();
    for (const entry of entries) {
      const owner = this.ownerOf.get(entry.clientID);
      if (this.reserved.has(entry.clientID) || (owner !== undefined && owner !== connection)) {
        return { ok: false, reason: `clientID ${entry.clientID} belongs to another connection` };
      }
      const left = this.departed.get(entry.clientID);
      if (owner === undefined && left !== undefined && left.at + DEPARTED_TTL_MS > this.now() && left.key !== this.keyOf(connection)) {
        return { ok: false, reason: `clientID ${entry.clientID} belonged to a connection that left` };
      }
      // Only a real state claims a clientID; removing an unknown client changes nothing.
      if (owner === undefined && !isRemoval(entry)) claims.add(entry.clientID);
    }
    if (owned.size + claims.size > MAX_AWARENESS_CLIENTS_PER_CONNECTION) {
      return { ok: false, reason: 'too many awareness clients on one connection' };
    }
    for (const clientID of claims) {
      owned.add(clientID);
      this.ownerOf.set(clientID, connection);
    }
    if (owned.size > 0) this.ownedBy.set(connection, owned);
    return { ok: true };
  }

  /** Forgets a connection and returns the clientIDs it had introduced. */
  release(connection: Connection): number[] {
    const owned = [...(this.ownedBy.get(connection) ?? [])];
    this.ownedBy.delete(connection);
    const key = this.keyOf(connection);
    const now = this.now();
    // Insertion order is departure order: expired entries are at the front.
    for (const [clientID, left] of this.departed) {
      if (left.at + DEPARTED_TTL_MS > now) break;
      this.departed.delete(clientID);
    }
    for (const clientID of owned) {
      this.ownerOf.delete(clientID);
      this.departed.delete(clientID);
      if (this.departed.size < MAX_DEPARTED_CLIENTS) this.departed.set(clientID, { key, at: now });
    }
    return owned;
  }

  /** The connection that speaks for `clientID` now, if any. */
  speakerFor(clientID: number): Connection | undefined {
    return this.ownerOf.get(clientID);
  }

  /** Whether some connection speaks for `clientID`. */
  isOwned(clientID: number): boolean {
    return this.ownerOf.has(clientID);
  }

  clear(): void {
    this.ownerOf.clear();
    this.ownedBy.clear();
  }
}
