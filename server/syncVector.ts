/**
 * The state vector a client may announce in its sync address (STATE_VECTOR_PARAM), and the
 * sync step 2 the relay sends against it with its greeting (see docs/protocol.md, « Handshake »).
 * Anything unusable is ignored: the client's own sync step 1 then gets the board, as with a
 * stock provider.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { fromBase64UrlEncoded } from 'lib0/buffer';
import { MAX_STATE_VECTOR_PARAM_CHARS, STATE_VECTOR_PARAM } from '../src/model/relayProtocol';

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** A Yjs state vector: the next clock the holder lacks, per client id. */
export type StateVector = Map<number, number>;

/** A state vector as the address carried it, checked: its bytes (a connection keeps these, not a map). */
export type AnnouncedVector = { ok: true; vector: Uint8Array } | { ok: false; reason: string } | null;

/** Decodes a state vector to its very last byte, refusing repeated client ids; null when it is not one. */
export function decodeStateVectorStrictly(bytes: Uint8Array): StateVector | null {
  try {
    const decoder = decoding.createDecoder(bytes);
    const count = decoding.readVarUint(decoder);
    // Every entry takes two bytes at least: a count beyond that is a lie, not a vector.
    if (count > (bytes.byteLength - 1) / 2) return null;
    const vector: StateVector = new Map();
    for (let i = 0; i < count; i++) {
      const client = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      if (!Number.isSafeInteger(client) || !Number.isSafeInteger(clock) || vector.has(client)) return null;
      vector.set(client, clock);
    }
    return decoding.hasContent(decoder) ? null : vector;
  } catch {
    return null;
  }
}

/** The state vector announced in a sync request's address: null when absent, a reason when unusable. */
export function announcedVectorOf(url: string | undefined): AnnouncedVector {
  const query = (url ?? '').split('?')[1];
  if (!query) return null;
  const values = new URLSearchParams(query.split('#')[0]).getAll(STATE_VECTOR_PARAM);
  if (values.length === 0) return null;
  if (values.length > 1) return { ok: false, reason: 'state vector given twice' };
  const text = values[0] ?? '';
  if (text.length === 0 || text.length > MAX_STATE_VECTOR_PARAM_CHARS) return { ok: false, reason: 'state vector empty or too long' };
  if (!BASE64URL.test(text) || text.length % 4 === 1) return { ok: false, reason: 'state vector not base64url' };
  let bytes: Uint8Array;
  try {
    bytes = fromBase64UrlEncoded(text);
  } catch {
    return { ok: false, reason: 'state vector not base64url' };
  }
  return decodeStateVectorStrictly(bytes) ? { ok: true, vector: bytes } : { ok: false, reason: 'not a state vector' };
}

/**
 * What a client holds once it received everything `doc` has beyond `announced`: for each client
 * id the relay sent structs of, the clock it sent up to. Ids the announcement was at or ahead of
 * are left out (nothing was sent for them; the client's own step 1 says what it has there).
 */
export function sentUpTo(doc: Y.Doc, announced: StateVector): StateVector {
  const sent: StateVector = new Map();
  for (const client of doc.store.clients.keys()) {
    const clock = Y.getState(doc.store, client);
    if (clock > (announced.get(client) ?? 0)) sent.set(client, clock);
  }
  return sent;
}

/**
 * The vector to answer a client's sync step 1 against, once `sent` went with the greeting: the
 * pointwise max (Yjs states are per-client prefixes, so the max is their union).
 */
export function unionOf(asked: StateVector, sent: StateVector): StateVector {
  const union = new Map(asked);
  for (const [client, clock] of sent) if (clock > (union.get(client) ?? 0)) union.set(client, clock);
  return union;
}
