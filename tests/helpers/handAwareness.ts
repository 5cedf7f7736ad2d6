/**
 * Hand-written awareness frames, as a hostile client would send them: any client id, any clock,
 * any JSON text (or none that parses). The companion of handUpdate.ts, which writes Yjs updates
 * by hand; the fuzzer (fuzzFrames.ts) and the presence suites build their frames here.
 */
import * as encoding from 'lib0/encoding';

/** One entry of an awareness update: whose state, its clock, and the state's JSON text as sent. */
export interface HandAwarenessEntry {
  clientID: number;
  clock: number;
  json: string;
}

/** A websocket frame (message type 1, awareness) carrying `entries` as one awareness update. */
export function awarenessFrame(entries: readonly HandAwarenessEntry[]): Uint8Array {
  const update = encoding.encode((e) => {
    encoding.writeVarUint(e, entries.length);
    for (const { clientID, clock, json } of entries) {
      encoding.writeVarUint(e, clientID);
      encoding.writeVarUint(e, clock);
      encoding.writeVarString(e, json);
    }
  });
  return encoding.encode((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, update);
  });
}
