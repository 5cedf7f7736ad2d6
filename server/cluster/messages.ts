/**
 * What relay instances tell each other over Redis pub/sub, one binary message per publish.
 * Every message names the instance that sent it, so an instance ignores its own echoes.
 * Decoding never throws: anything malformed is dropped (null), the relay keeps running.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

const KIND_UPDATE = 0;
const KIND_PRESENCE = 1;
const KIND_CLOSE = 2;
const KIND_PRESENCE_QUERY = 3;
const KIND_HEARTBEAT = 4;

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

export function encodeClusterMessage(message: ClusterMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  switch (message.kind) {
    case 'update':
      encoding.writeVarUint(encoder, KIND_UPDATE);
      encoding.writeVarString(encoder, message.origin);
      encoding.writeVarUint(encoder, message.seq);
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case 'presence':
      encoding.writeVarUint(encoder, KIND_PRESENCE);
      encoding.writeVarString(encoder, message.origin);
      encoding.writeVarUint(encoder, message.connection);
      encoding.writeVarString(encoder, message.role);
      encoding.writeVarString(encoder, message.writerKey);
      encoding.writeVarUint8Array(encoder, message.awareness);
      break;
    case 'close':
      encoding.writeVarUint(encoder, KIND_CLOSE);
      encoding.writeVarString(encoder, message.origin);
      encoding.writeVarUint(encoder, message.code);
      encoding.writeVarString(encoder, message.reason);
      break;
    case 'presence-query':
      encoding.writeVarUint(encoder, KIND_PRESENCE_QUERY);
      encoding.writeVarString(encoder, message.origin);
      break;
    case 'heartbeat':
      encoding.writeVarUint(encoder, KIND_HEARTBEAT);
      encoding.writeVarString(encoder, message.origin);
      break;
  }
  return encoding.toUint8Array(encoder);
}

/** Decodes one message; null if it is not one this relay understands. */
export function decodeClusterMessage(bytes: Uint8Array): ClusterMessage | null {
  try {
    const decoder = decoding.createDecoder(bytes);
    const kind = decoding.readVarUint(decoder);
    const origin = decoding.readVarString(decoder);
    let message: ClusterMessage;
    switch (kind) {
      case KIND_UPDATE:
        message = { kind: 'update', origin, seq: decoding.readVarUint(decoder), update: decoding.readVarUint8Array(decoder) };
        break;
      case KIND_PRESENCE:
        message = {
          kind: 'presence',
          origin,
          connection: decoding.readVarUint(decoder),
          role: decoding.readVarString(decoder),
          writerKey: decoding.readVarString(decoder),
          awareness: decoding.readVarUint8Array(decoder),
        };
        break;
      case KIND_CLOSE:
        message = { kind: 'close', origin, code: decoding.readVarUint(decoder), reason: decoding.readVarString(decoder) };
        break;
      case KIND_PRESENCE_QUERY:
        message = { kind: 'presence-query', origin };
        break;
      case KIND_HEARTBEAT:
        message = { kind: 'heartbeat', origin };
        break;
      default:
        return null;
    }
    // Trailing bytes mean a message of some other shape: refuse it rather than guess.
    return decoding.hasContent(decoder) ? null : message;
  } catch {
    return null;
  }
}
