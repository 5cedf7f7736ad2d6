/**
 * An in-memory mesh of Y.Docs with a controllable network: every local update is queued for
 * every other doc, and the test decides when, in which order and how much gets delivered.
 */
import * as Y from 'yjs';
import type { Random } from './random';

/** Origin of updates applied from the network (so they are not re-sent, nor undone). */
export const NETWORK_ORIGIN = 'network';

export class Network {
  /** inboxes[i]: updates waiting to be delivered to docs[i]. */
  private readonly inboxes: Uint8Array[][];

  constructor(readonly docs: readonly Y.Doc[]) {
    this.inboxes = docs.map(() => []);
    docs.forEach((doc, from) => {
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === NETWORK_ORIGIN) return;
        this.inboxes.forEach((inbox, to) => {
          if (to !== from) inbox.push(update);
        });
      });
    });
  }

  /** How many updates are still in flight. */
  get pending(): number {
    return this.inboxes.reduce((n, inbox) => n + inbox.length, 0);
  }

  /** Delivers a random batch of one doc's waiting updates, in random order; the rest is held back. */
  deliverSome(random: Random): void {
    const to = random.int(0, this.docs.length - 1);
    const inbox = this.inboxes[to] as Uint8Array[];
    random.shuffle(inbox);
    const batch = inbox.splice(0, random.int(0, inbox.length));
    for (const update of batch) Y.applyUpdate(this.docs[to] as Y.Doc, update, NETWORK_ORIGIN);
  }

  /** Delivers everything still in flight, each inbox in random order. */
  flush(random: Random): void {
    this.inboxes.forEach((inbox, to) => {
      const all = random.shuffle(inbox.splice(0));
      for (const update of all) Y.applyUpdate(this.docs[to] as Y.Doc, update, NETWORK_ORIGIN);
    });
  }
}
