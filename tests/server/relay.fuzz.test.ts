/**
 * Seeded fuzzing of the real relay (port 0) through real sockets: a few thousand hostile frames
 * must not crash it, hang it, or disturb an honest pair of clients on another board. The long
 * run (100 000+ frames, relay in its own process) is `npm run bench:fuzz`.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { relayForFile } from '../helpers/relayForFile';
import { fuzzRelay } from '../helpers/relayFuzzer';
import { connectClient, httpRequest, seedOpenBoard, waitFor, type TestClient } from '../helpers/relay';

const FRAMES = Number(process.env.FUZZ_FRAMES ?? 3000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_251_122);

const relay = relayForFile();

describe('relay fuzzing', () => {
  it(`survives ${FRAMES} seeded hostile frames (seed ${SEED}) without a crash, a hang or harm to other boards`, async () => {
    const healthyBoard = seedOpenBoard(relay.config.dataDir);
    const alice = connectClient(relay.wsUrl, healthyBoard);
    const bob = connectClient(relay.wsUrl, healthyBoard);
    // Open boards, made before share links: the fuzzer's sockets carry no token.
    const fuzzBoards = [seedOpenBoard(relay.config.dataDir), seedOpenBoard(relay.config.dataDir)];
    const observer: TestClient = connectClient(relay.wsUrl, fuzzBoards[0]!);
    observer.provider.awareness.setLocalStateField('user', { name: 'Observer', color: '#2563eb' });
    await Promise.all([alice.synced, bob.synced, observer.synced]);

    let rounds = 0;
    const roundTrip = async () => {
      const key = `round${++rounds}`;
      alice.doc.getMap('notes').set(key, rounds);
      await waitFor(() => bob.doc.getMap('notes').has(key), 5000, `honest round trip ${rounds}`);
    };
    let lastRound = 0;
    const report = await fuzzRelay({
      wsUrl: relay.wsUrl,
      boards: fuzzBoards,
      frames: FRAMES,
      seed: SEED,
      victims: () => [alice.doc.clientID, bob.doc.clientID, observer.doc.clientID],
      onProgress: (sent) => {
        if (sent - lastRound >= 500) {
          lastRound = sent;
          void roundTrip();
        }
      },
    });
    await roundTrip();

    expect(report.hangs).toBe(0);
    expect(report.failedConnects).toBe(0);
    expect(report.framesSent).toBe(FRAMES);
    expect(report.framesConfirmed).toBeGreaterThan(0);
    // The fuzzer really reached the refusal paths.
    expect(report.closes.get(1007)).toBeGreaterThan(0);
    expect(report.closes.get(1003)).toBeGreaterThan(0);
    expect(alice.provider.wsconnected && bob.provider.wsconnected && observer.provider.wsconnected).toBe(true);
    expect([...bob.doc.getMap('notes').keys()]).toHaveLength(rounds);
    // A client on a fuzzed board holds exactly what the relay holds.
    const fresh = connectClient(relay.wsUrl, fuzzBoards[0]!);
    await fresh.synced;
    await waitFor(
      () => Y.encodeStateVector(observer.doc).toString() === Y.encodeStateVector(fresh.doc).toString(),
      5000,
      'the observer to match the relay',
    );
    expect(observer.doc.toJSON()).toEqual(fresh.doc.toJSON());
    // Forged awareness entries never replaced or removed the observer's presence.
    await waitFor(() => fresh.provider.awareness.getStates().has(observer.doc.clientID), 5000, "the observer's presence");
    expect(fresh.provider.awareness.getStates().get(observer.doc.clientID)).toEqual({
      user: { name: 'Observer', color: '#2563eb', role: 'facilitator' },
    });
    expect((await httpRequest(relay.httpUrl, '/healthz')).status).toBe(200);
  });
});
