import { describe, expect, it } from 'vitest';
import { fuzzStructure } from '../helpers/structureFuzzer';

const SEEDS = [20261201, 7, 4242];
const STEPS = Number(process.env.STRUCTURE_FUZZ_STEPS ?? 1500);

describe('structure fuzzing from a participant connection', () => {
  it.each(SEEDS)('keeps the structure as the facilitator alone wrote it (seed %i)', (seed) => {
    const result = fuzzStructure(seed, STEPS);
    expect(result.failure).toBeNull();
    // Most hand-made updates are refused; the run must still have exercised accepted ones.
    expect(result.refused).toBeGreaterThan(STEPS / 10);
    expect(result.refused).toBeLessThan(STEPS);
  });
});
