/**
 * Long structure fuzz run: `npm run bench:fuzz:structure` (STRUCTURE_FUZZ_STEPS, default 50 000,
 * spread over STRUCTURE_FUZZ_SEEDS seeds, default 10). Prints steps, refusals and time per seed;
 * exits non-zero at the first step whose structure differs from the facilitator's reference.
 */
import { fuzzStructure } from '../tests/helpers/structureFuzzer';
import { printTable } from './lib/report';

const total = Number(process.env.STRUCTURE_FUZZ_STEPS ?? 50_000);
const seeds = Number(process.env.STRUCTURE_FUZZ_SEEDS ?? 10);
const rows: string[][] = [];
let failed = false;
for (let i = 0; i < seeds; i++) {
  const seed = 1000 + i;
  const started = performance.now();
  const result = fuzzStructure(seed, Math.ceil(total / seeds));
  const ms = performance.now() - started;
  rows.push([
    String(seed),
    String(result.steps),
    String(result.refused),
    `${(ms / result.steps).toFixed(2)} ms`,
    result.failure ? `FAILED at ${result.failure.step}` : 'held',
  ]);
  if (result.failure) {
    failed = true;
    console.error(result.failure.detail);
    break;
  }
}
printTable('Structure fuzzing from a participant connection', ['seed', 'steps', 'refused', 'per step', 'structure'], rows);
process.exit(failed ? 1 : 0);
