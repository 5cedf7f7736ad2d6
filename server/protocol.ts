/**
 * The y-websocket wire protocol, decoded defensively: every incoming frame is fully validated
 * before anything touches the room's document (see docs/protocol.md).
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
/** Reserved by y-websocket for auth replies sent by servers; clients never send it. */
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

/** Sub-types of a sync message (same values as y-protocols/sync). */
export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

/** Websocket close codes used by the relay (RFC 6455 §7.4.1). */
export const CLOSE_NORMAL = 1000;
export const CLOSE_GOING_AWAY = 1001;
export const CLOSE_UNSUPPORTED_DATA = 1003;
export const CLOSE_INVALID_PAYLOAD = 1007;
export const CLOSE_POLICY_VIOLATION = 1008;
export const CLOSE_TOO_BIG = 1009;
export const CLOSE_INTERNAL_ERROR = 1011;
/** Application code (4000-4999 range): the update would grow the board past MAX_BOARD_BYTES. */
export const CLOSE_BOARD_TOO_LARGE = 4413;
export { CLOSE_ACCESS_REVOKED, CLOSE_CHANGE_REFUSED, CLOSE_REASON_EXPIRED, CLOSE_REASON_REVOKED } from '../src/model/relayProtocol';

/** Largest presence state one client may publish, as JSON text (a real one is a few hundred bytes). */
export const MAX_AWARENESS_STATE_BYTES = 4096;

/** A frame the relay refuses; `closeCode` is what the sender's connection is closed with. */
export class ProtocolError extends Error {
  constructor(
    readonly closeCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'ProtocolError';
  }
}

/** One client state inside an awareness update, its JSON not parsed yet. */
export interface AwarenessEntry {
  clientID: number;
  clock: number;
  /** The state as JSON text; `null` means "this client left". */
  stateJson: string;
}

/** Whether an entry removes its client (y-protocols writes a removal as the JSON text `null`). */
export const isRemoval = (entry: AwarenessEntry): boolean => entry.stateJson === 'null';

export type IncomingMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | {
      kind: 'sync-step2' | 'sync-update';
      /** Not decoded yet: a viewer's updates are dropped without decoding (see decodeDocumentUpdate). */
      update: Uint8Array;
    }
  | { kind: 'awareness'; update: Uint8Array; entries: AwarenessEntry[] }
  | { kind: 'query-awareness' };

/** Runs a decoding step, turning any failure into a ProtocolError with close code 1007. */
function malformed<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch {
    throw new ProtocolError(CLOSE_INVALID_PAYLOAD, what);
  }
}

/**
 * Decodes the structure of an awareness update. The states' JSON is parsed later, and only if
 * the update is accepted (checkAwarenessStates): stock providers echo every awareness update
 * they receive back to the relay, and those echoes are dropped on their client ids alone.
 */
export function decodeAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientID = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({ clientID, clock, stateJson: decoding.readVarString(decoder) });
  }
  return entries;
}

/**
 * Parses every state (1007 unless valid JSON, 1008 past MAX_AWARENESS_STATE_BYTES) and returns
 * the update re-encoded with `user.role` set to `role`: a client cannot pass for another role.
 */
export function stampAwarenessStates(entries: readonly AwarenessEntry[], role: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    if (entry.stateJson.length > MAX_AWARENESS_STATE_BYTES) throw new ProtocolError(CLOSE_POLICY_VIOLATION, 'presence state too large');
    const state = malformed('invalid awareness state', () => JSON.parse(entry.stateJson) as unknown);
    const user = state !== null && typeof state === 'object' ? (state as { user?: unknown }).user : undefined;
    if (user !== null && typeof user === 'object') (user as { role?: unknown }).role = role;
    encoding.writeVarUint(encoder, entry.clientID);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}

/** Decodes a document update (1007 if it cannot be). */
export function decodeDocumentUpdate(update: Uint8Array): ReturnType<typeof Y.decodeUpdate> {
  return malformed('undecodable document update', () => Y.decodeUpdate(update));
}

/** Decodes and validates one binary frame; throws ProtocolError for anything the relay refuses. */
export function parseMessage(frame: Uint8Array): IncomingMessage {
  const decoder = decoding.createDecoder(frame);
  const type = malformed('missing or truncated message type', () => decoding.readVarUint(decoder));
  switch (type) {
    case MESSAGE_SYNC: {
      const step = malformed('truncated sync message', () => decoding.readVarUint(decoder));
      const payload = malformed('truncated sync payload', () => decoding.readVarUint8Array(decoder));
      if (step === SYNC_STEP1) {
        malformed('invalid state vector', () => Y.decodeStateVector(payload));
        return { kind: 'sync-step1', stateVector: payload };
      }
      if (step === SYNC_STEP2 || step === SYNC_UPDATE) {
        return { kind: step === SYNC_UPDATE ? 'sync-update' : 'sync-step2', update: payload };
      }
      throw new ProtocolError(CLOSE_INVALID_PAYLOAD, `unknown sync step ${step}`);
    }
    case MESSAGE_AWARENESS: {
      const update = malformed('truncated awareness payload', () => decoding.readVarUint8Array(decoder));
      const entries = malformed('invalid awareness update', () => decodeAwarenessEntries(update));
      return { kind: 'awareness', update, entries };
    }
    case MESSAGE_QUERY_AWARENESS:
      return { kind: 'query-awareness' };
    default:
      throw new ProtocolError(CLOSE_UNSUPPORTED_DATA, `unsupported message type ${type}`);
  }
}

/** Frames a sync message: message type, sync sub-type, then the payload as a length-prefixed byte array. */
function encodeSync(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Sync step 1: "here is my state vector, send me what I miss". */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return encodeSync(SYNC_STEP1, Y.encodeStateVector(doc));
}

/** Sync step 2: everything in `doc` that a peer with `stateVector` does not have yet. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  return encodeSync(SYNC_STEP2, Y.encodeStateAsUpdate(doc, stateVector));
}

/** A sync "update" message carrying one document update. */
export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  return encodeSync(SYNC_UPDATE, update);
}

/** An awareness message carrying the current states (or removals) of `clientIDs`. */
export function encodeAwarenessMessage(awareness: Awareness, clientIDs: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, clientIDs));
  return encoding.toUint8Array(encoder);
}
