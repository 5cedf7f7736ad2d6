/**
 * What relay instances tell each other over Redis pub/sub, one binary message per publish.
 * Every message names the instance that sent it, so an instance ignores its own echoes.
 * Decoding never throws: anything malformed is dropped (null), the relay keeps running.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** A stored update: `seq` is its per-board sequence number in PostgreSQL. */
export interface UpdateMessage {
  kind: 'update';
  origin: string;
  seq: number;
  update: Uint8Array;
}

/**
 * Presence of one connection of the origin instance: its awareness update (the states it owns,
 * already stamped with its role there), its role and writer key, so the receiving instance can
 * hold those states as owned by that remote connection and nobody else.
 */
export interface PresenceMessage {
  kind: 'presence';
  origin: string;
  /** The connection's id on its instance. */
  connection: number;
  role: string;
  writerKey: string;
  /** A y-websocket awareness frame (message type 1, then the awareness update). */
  awareness: Uint8Array;
}

/** Close every connection of the board with this code (share links revoked, for instance). */
export interface CloseMessage {
  kind: 'close';
  origin: string;
  code: number;
  reason: string;
}

/** An instance that just opened the board asks the others to resend their presence. */
export interface PresenceQueryMessage {
  kind: 'presence-query';
  origin: string;
}

/** An instance is alive (on the instances' shared channel): its remote presence stays. */
export interface HeartbeatMessage {
  kind: 'heartbeat';
  origin: string;
}

export type ClusterMessage = UpdateMessage | PresenceMessage | CloseMessage | PresenceQueryMessage | HeartbeatMessage;

/** A message kind's number on the wire is its place here: append new kinds, never reorder. */
const KINDS = ['update', 'presence', 'close', 'presence-query', 'heartbeat'] as const satisfies readonly ClusterMessage['kind'][];

type FieldName<M> = Exclude<keyof M, 'kind' | 'origin'>;
type Codec<V> = V extends number ? 'uint' : V extends string ? 'string' : V extends Uint8Array ? 'bytes' : never;
/** A kind's fields after its number and origin, in wire order, each with how it is written. */
type Layout<M> = readonly { [F in FieldName<M>]: readonly [F, Codec<M[F]>] }[FieldName<M>][];

// The one statement of each kind's shape: encoding and decoding both follow it.
const LAYOUTS = {
  update: [
    ['seq', 'uint'],
    ['update', 'bytes'],
  ],
  presence: [
    ['connection', 'uint'],
    ['role', 'string'],
    ['writerKey', 'string'],
    ['awareness', 'bytes'],
  ],
  close: [
    ['code', 'uint'],
    ['reason', 'string'],
  ],
  'presence-query': [],
  heartbeat: [],
} as const satisfies { [K in ClusterMessage['kind']]: Layout<Extract<ClusterMessage, { kind: K }>> };

type AnyCodec = 'uint' | 'string' | 'bytes';
type Fields = readonly (readonly [string, AnyCodec])[];

const WRITE: Record<AnyCodec, (encoder: encoding.Encoder, value: unknown) => void> = {
  uint: (encoder, value) => encoding.writeVarUint(encoder, value as number),
  string: (encoder, value) => encoding.writeVarString(encoder, value as string),
  bytes: (encoder, value) => encoding.writeVarUint8Array(encoder, value as Uint8Array),
};

const READ: Record<AnyCodec, (decoder: decoding.Decoder) => unknown> = {
  uint: decoding.readVarUint,
  string: decoding.readVarString,
  bytes: decoding.readVarUint8Array,
};

/** One message as the bytes published on Redis. */
export function encodeClusterMessage(message: ClusterMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, KINDS.indexOf(message.kind));
  encoding.writeVarString(encoder, message.origin);
  const values = message as unknown as Record<string, unknown>;
  for (const [field, codec] of LAYOUTS[message.kind] as Fields) WRITE[codec](encoder, values[field]);
  return encoding.toUint8Array(encoder);
}

/** Decodes one message; null if it is not one this relay understands. */
export function decodeClusterMessage(bytes: Uint8Array): ClusterMessage | null {
  try {
    const decoder = decoding.createDecoder(bytes);
    const kind = KINDS[decoding.readVarUint(decoder)];
    if (kind === undefined) return null;
    const message: Record<string, unknown> = { kind, origin: decoding.readVarString(decoder) };
    for (const [field, codec] of LAYOUTS[kind] as Fields) message[field] = READ[codec](decoder);
    // Trailing bytes mean a message of some other shape: refuse it rather than guess.
    return decoding.hasContent(decoder) ? null : (message as unknown as ClusterMessage);
  } catch {
    return null;
  }
}
