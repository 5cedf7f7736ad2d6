/**
 * Repeated kill -9 of the relay under load: `npm run bench:crash [-- --kills=20 --clients=20]`.
 * The short version (5 kills) runs in `npm test` (tests/server/relay.killloop.test.ts).
 */
import { runKillLoop } from '../tests/server/crashScenario';
import { cleanupTempDirs, destroyAllClients, killAllRelayProcesses } from '../tests/helpers/relay';
import { flag, fmt, printTable } from './lib/report';

async function main(): Promise<void> {
  process.setMaxListeners(100); // every direct read of the database (one per kill) registers an exit hook
  const kills = Number(flag('kills') ?? 20);
  const clients = Number(flag('clients') ?? 20);
  const seed = Number(flag('seed') ?? 1);
  const started = performance.now();
  const result = await runKillLoop({ clients, kills, editEveryMs: 100, killAfterMs: [300, 2000], seed });
  printTable(
    `Relay SIGKILLed ${kills} times under ${clients} editing clients (${result.edits} edits, seed ${seed})`,
    ['kill', 'touchpoints seen by clients', 'missing from storage', 'restart (ms)'],
    result.kills.map((k, i) => [String(i + 1), String(k.observed), String(k.missing.length), fmt(k.restartMs, 0)]),
  );
  printTable(
    'End state',
    ['check', 'value'],
    [
      ['all clients converged (state vectors and boards equal)', String(result.converged)],
      ['time to converge after the last restart (ms)', fmt(result.convergeMs, 0)],
      ['fresh client after a final kill, nobody else left, has it all', String(result.durableAtEnd)],
      ['touchpoints on the board', String(result.touchpoints)],
      ['run time (s)', fmt((performance.now() - started) / 1000)],
    ],
  );
  const ok = result.converged && result.durableAtEnd && result.kills.every((k) => k.missing.length === 0);
  destroyAllClients();
  await killAllRelayProcesses();
  cleanupTempDirs();
  console.log(ok ? '\nPASS' : '\nFAIL');
  process.exit(ok ? 0 : 1);
}

main().catch(async (error: unknown) => {
  console.error(error);
  await killAllRelayProcesses();
  process.exit(1);
});
