/** Durability and convergence through repeated kill -9 of the relay process under load. */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cleanupTempDirs, destroyAllClients, killAllRelayProcesses } from '../helpers/relay';
import { runKillLoop } from './crashScenario';

afterEach(async () => {
  destroyAllClients();
  await killAllRelayProcesses();
});
afterAll(cleanupTempDirs);

describe('relay killed repeatedly under load', () => {
  it('loses nothing any client saw, and every client converges, through 5 SIGKILLs with 20 editing clients', async () => {
    const result = await runKillLoop({ clients: 20, kills: 5, editEveryMs: 100, killAfterMs: [300, 1000], seed: 7 });
    expect(result.kills).toHaveLength(5);
    for (const kill of result.kills) {
      expect(kill.observed).toBeGreaterThan(0);
      expect(kill.missing).toEqual([]);
    }
    expect(result.converged).toBe(true);
    expect(result.durableAtEnd).toBe(true);
  }, 60_000);
});
