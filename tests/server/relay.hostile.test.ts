import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessRelay, type InProcessRelay } from '../helpers/inProcessRelay';
import {
  cleanupTempDirs,
  connectClient,
  destroyAllClients,
  httpRequest,
  openRawSocket,
  seedOpenBoard,
  testBoardId,
  upgradeStatus,
  waitFor,
  type TestClient,
} from '../helpers/relay';

const MAX_MESSAGE_BYTES = 1024 * 1024;

let relay: InProcessRelay;
let healthyBoard: string;
let alice: TestClient;
let bob: TestClient;
let round = 0;

/** An edit by Alice must reach Bob on the healthy board: proof that the relay carries on. */
async function expectHealthyRoundTrip(): Promise<void> {
  round++;
  alice.doc.getMap('notes').set(`round${round}`, round);
  await waitFor(() => bob.doc.getMap('notes').get(`round${round}`) === round, 5000, `round trip ${round}`);
  expect(alice.provider.wsconnected && bob.provider.wsconnected).toBe(true);
}

beforeAll(async () => {
  relay = await startInProcessRelay({ maxMessageBytes: MAX_MESSAGE_BYTES });
  healthyBoard = seedOpenBoard(relay.config.dataDir);
  alice = connectClient(relay.wsUrl, healthyBoard);
  bob = connectClient(relay.wsUrl, healthyBoard);
  await Promise.all([alice.synced, bob.synced]);
});
afterAll(async () => {
  destroyAllClients();
  await relay.close();
  cleanupTempDirs();
});

describe('relay under hostile input', () => {
  it.each([
    ['garbage after a sync type', 1007, Buffer.from([0x00, 0xde, 0xad, 0xbe, 0xef, 0x13, 0x37])],
    ['a truncated varint', 1007, Buffer.from([0xff, 0xff, 0xff])],
    ['a sync update that does not decode', 1007, Buffer.from([0, 2, 6, 1, 200, 200, 200, 200, 200])],
    ['an unknown message type', 1003, Buffer.from([9, 1, 2, 3])],
    ['random bytes read as a huge message type', 1003, Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0x13, 0x37])],
  ])('closes a connection that sends %s with %i, and nobody else', async (_label, code, junk) => {
    const attacker = openRawSocket(`${relay.wsUrl}/${healthyBoard}`);
    await attacker.opened;
    attacker.ws.send(junk);
    expect((await attacker.closed).code).toBe(code);
    await expectHealthyRoundTrip();
  });

  it('closes a connection that sends a text frame with 1003', async () => {
    const attacker = openRawSocket(`${relay.wsUrl}/${healthyBoard}`);
    await attacker.opened;
    attacker.ws.send('{"hello":"relay"}');
    expect((await attacker.closed).code).toBe(1003);
    await expectHealthyRoundTrip();
  });

  it('closes a connection that sends a frame over MAX_MESSAGE_BYTES with 1009', async () => {
    const attacker = openRawSocket(`${relay.wsUrl}/${seedOpenBoard(relay.config.dataDir)}`);
    await attacker.opened;
    attacker.ws.send(Buffer.alloc(MAX_MESSAGE_BYTES + 1));
    expect((await attacker.closed).code).toBe(1009);
    await expectHealthyRoundTrip();
  });

  it('refuses invalid board ids with 400 and other paths with 404 at the upgrade', async () => {
    const base = relay.wsUrl.replace(/\/sync$/, '');
    expect(await upgradeStatus(`${base}/sync/short`)).toBe(400);
    expect(await upgradeStatus(`${base}/sync/${'x'.repeat(65)}`)).toBe(400);
    expect(await upgradeStatus(`${base}/sync/..%2F..%2Fetc%2Fpasswd-padding`)).toBe(400);
    expect(await upgradeStatus(`${base}/sync/${testBoardId()}/extra`)).toBe(400);
    expect(await upgradeStatus(`${base}/elsewhere/${testBoardId()}`)).toBe(404);
    expect(await upgradeStatus(`${base}/sync/${testBoardId()}`)).toBe(404); // never made
    expect(await upgradeStatus(`${base}/sync/${healthyBoard}?token=ignored-on-open-boards`)).toBe(101);
    await expectHealthyRoundTrip();
  });

  it('terminates a connection that stops answering pings, and only that one', async () => {
    const fast = await startInProcessRelay({ pingIntervalMs: 150 });
    try {
      const board = seedOpenBoard(fast.config.dataDir);
      const polite = openRawSocket(`${fast.wsUrl}/${board}`);
      const silent = openRawSocket(`${fast.wsUrl}/${board}`, { autoPong: false });
      await Promise.all([polite.opened, silent.opened]);
      expect((await silent.closed).code).toBe(1006); // terminated: no close frame
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(polite.ws.readyState).toBe(polite.ws.OPEN);
      polite.ws.close();
    } finally {
      await fast.close();
    }
  });

  it('is still healthy after all of the above', async () => {
    const res = await httpRequest(relay.httpUrl, '/healthz');
    expect(res.status).toBe(200);
    await expectHealthyRoundTrip();
  });
});
