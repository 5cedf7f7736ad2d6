/**
 * How long comparing a wrong administrator secret takes, by how much of the real one it gets
 * right: `tsx bench/adminSecret.ts`. A comparison that stopped at the first wrong character
 * would be faster for guesses that share less of the secret; the digests compared in constant
 * time show no such trend. Prints nanoseconds per comparison (median of rounds).
 */
import { loadOrCreateAdminSecret } from '../server/adminSecret';
import { cleanupTempDirs, makeTempDir } from '../tests/helpers/relay';
import { fmt, printTable } from './lib/report';

const ROUNDS = 15;
const PER_ROUND = 20_000;

/** Median ns per call of each guess; rounds interleave the guesses, so drift in the machine's speed hits them alike. */
function nsPerCall(runs: (() => void)[]): number[] {
  const times = runs.map(() => [] as number[]);
  for (let r = 0; r < ROUNDS; r++) {
    runs.forEach((run, k) => {
      const started = process.hrtime.bigint();
      for (let i = 0; i < PER_ROUND; i++) run();
      times[k]!.push(Number(process.hrtime.bigint() - started) / PER_ROUND);
    });
  }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!);
}

const dir = makeTempDir('parcours-bench-admin-');
try {
  const { secret, created } = loadOrCreateAdminSecret(dir);
  if (!created) throw new Error('expected a fresh secret');
  const flip = (c: string) => (c === 'A' ? 'B' : 'A');
  const guesses: [string, string][] = [
    ['nothing right', created.replace(/./g, (c) => flip(c))],
    ['first half right', created.slice(0, 21) + created.slice(21).replace(/./g, (c) => flip(c))],
    ['all but the last', created.slice(0, -1) + flip(created.at(-1)!)],
    ['one character short', created.slice(0, -1)],
    ['a single character', 'x'],
    ['the secret itself', created],
  ];
  const ns = nsPerCall(
    guesses.map(
      ([, guess]) =>
        () =>
          secret.matches(guess),
    ),
  );
  const rows = guesses.map(([label], k) => [label, fmt(ns[k]!, 0)]);
  printTable('Administrator secret: one comparison (ns, median of 15 rounds of 20 000)', ['guess', 'ns'], rows);
} finally {
  cleanupTempDirs();
}
