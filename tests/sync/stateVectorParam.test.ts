/**
 * The state vector in the relay address: every connection tells what the copy holds at that
 * moment (so the relay can send the board with its greeting), and a vector too long for an
 * address is left out.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fakeRelayServer } from '../helpers/fakeRelayServer';
import { waitFor } from '../helpers/relay';
import { fromBase64UrlEncoded } from 'lib0/buffer';
import { connectBoard, stateVectorParam } from '../../src/sync/connection';
import { MAX_STATE_VECTOR_PARAM_CHARS, STATE_VECTOR_PARAM } from '../../src/model/relayProtocol';

const BOARD = 'board_state_vector_test_1';
const relay = fakeRelayServer();

const announced = (request: URL): Map<number, number> | null => {
  const value = request.searchParams.get(STATE_VECTOR_PARAM);
  return value === null ? null : Y.decodeStateVector(fromBase64UrlEncoded(value));
};

/** A document written by `writers` different clients, one entry each in its state vector. */
function docOfManyWriters(writers: number): Y.Doc {
  const doc = new Y.Doc();
  for (let i = 0; i < writers; i++) {
    const other = new Y.Doc();
    other.getMap('cards').set(`c${i}`, i);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
  }
  return doc;
}

describe('the state vector in the relay address', () => {
  it('tells what the copy holds on its first connection', async () => {
    const doc = new Y.Doc();
    doc.getMap('cards').set('a', 1);
    relay.open.push(connectBoard(doc, BOARD, relay.url));
    await waitFor(() => relay.requests.length === 1);
    expect(announced(relay.requests[0]!)).toEqual(Y.decodeStateVector(Y.encodeStateVector(doc)));
  });

  it('is refreshed before each reconnection, with what was edited meanwhile', async () => {
    const doc = new Y.Doc();
    let closes = 0;
    relay.onSocket = (ws) => {
      if (closes++ === 0) {
        doc.getMap('cards').set('while connected', 'x'.repeat(10));
        ws.close(1011, 'restart');
      }
    };
    relay.open.push(connectBoard(doc, BOARD, relay.url));
    await waitFor(() => relay.requests.length === 2);
    expect(announced(relay.requests[0]!)).toEqual(new Map());
    expect(announced(relay.requests[1]!)).toEqual(Y.decodeStateVector(Y.encodeStateVector(doc)));
    expect(announced(relay.requests[1]!)!.get(doc.clientID)).toBeGreaterThan(0);
  });

  it('is left out when it would make the address too long', async () => {
    const doc = docOfManyWriters(1500);
    expect(stateVectorParam(doc)).toBeUndefined();
    relay.open.push(connectBoard(doc, BOARD, relay.url));
    await waitFor(() => relay.requests.length === 1);
    expect(relay.requests[0]!.searchParams.has(STATE_VECTOR_PARAM)).toBe(false);
  });

  it('fits the cap for a board of a few hundred writers', () => {
    expect(stateVectorParam(docOfManyWriters(200))!.length).toBeLessThanOrEqual(MAX_STATE_VECTOR_PARAM_CHARS);
  });
});
