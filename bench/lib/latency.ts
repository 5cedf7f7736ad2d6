/**
 * Edit-to-remote-visible latency. Clients share one process, hence one clock: an editor notes
 * the clock its edit starts at and when it made it; a receiving doc, after each remote
 * transaction, looks up which edits it just integrated (from the transaction's before and after
 * state vectors) and records how long each took to become visible there.
 */
import * as Y from 'yjs';
import { REMOTE } from './benchClient';

interface EditLog {
  clocks: number[];
  times: number[];
  counted: boolean[];
}

export class LatencyTracker {
  private readonly edits = new Map<number, EditLog>();
  readonly samples: number[] = [];
  /** Edits made while recording. */
  editsRecorded = 0;

  recording = false;

  /** Makes an edit on `doc` through `edit` and notes when it happened; false if it changed nothing. */
  edit(doc: Y.Doc, edit: () => void): boolean {
    const clock = Y.getState(doc.store, doc.clientID);
    const at = performance.now();
    edit();
    if (Y.getState(doc.store, doc.clientID) === clock) return false;
    let log = this.edits.get(doc.clientID);
    if (!log) this.edits.set(doc.clientID, (log = { clocks: [], times: [], counted: [] }));
    log.clocks.push(clock);
    log.times.push(at);
    log.counted.push(this.recording);
    if (this.recording) this.editsRecorded++;
    return true;
  }

  /** Starts measuring remote visibility on `doc` (a client that applies remote updates). */
  observe(doc: Y.Doc): void {
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin !== REMOTE) return;
      const now = performance.now();
      tr.afterState.forEach((after, client) => {
        const before = tr.beforeState.get(client) ?? 0;
        if (after <= before) return;
        const log = this.edits.get(client);
        if (!log) return;
        for (let i = firstAtOrAfter(log.clocks, before); i < log.clocks.length && (log.clocks[i] as number) < after; i++) {
          if (log.counted[i]) this.samples.push(now - (log.times[i] as number));
        }
      });
    });
  }
}

function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
