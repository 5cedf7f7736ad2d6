/**
 * Fractional order keys: strings that sort between their neighbours, so moving one record
 * rewrites one field and concurrent moves merge record by record. Equal keys (two people
 * inserting at the same spot at once) are ordered by record id, and re-spread on the next move.
 */

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;

function digitValue(ch: string | undefined): number {
  if (ch === undefined) return 0;
  const v = DIGITS.indexOf(ch);
  if (v < 0) throw new Error(`invalid order key digit "${ch}"`);
  return v;
}

/** A key strictly between `lo` ('' = start) and `hi` (null = end), never ending in '0'. */
function midpoint(lo: string, hi: string | null): string {
  if (hi !== null) {
    let n = 0;
    while (n < hi.length && (lo[n] ?? '0') === hi[n]) n++;
    if (n > 0) return hi.slice(0, n) + midpoint(lo.slice(n), hi.slice(n));
  }
  const a = digitValue(lo[0]);
  const b = hi !== null ? digitValue(hi[0]) : BASE;
  if (b - a > 1) return DIGITS[Math.floor((a + b) / 2)] as string;
  // Adjacent digits: keep lo's first digit and go one level deeper.
  if (hi !== null && hi.length > 1) return hi.slice(0, 1);
  return (DIGITS[a] as string) + midpoint(lo.slice(1), null);
}

/** Whether a string is a usable order key. */
export function isOrderKey(key: unknown): key is string {
  return typeof key === 'string' && key.length > 0 && !key.endsWith('0') && [...key].every((c) => DIGITS.includes(c));
}

/** A key that sorts after `before` and before `after` (either may be null for an open end). */
export function keyBetween(before: string | null, after: string | null): string {
  if (before !== null && after !== null && before >= after) {
    throw new RangeError(`order keys out of order: ${before} >= ${after}`);
  }
  return midpoint(before ?? '', after);
}

/** `count` increasing keys, evenly spread, for (re)numbering a whole list. */
export function spreadKeys(count: number): string[] {
  const keys: string[] = [];
  let prev: string | null = null;
  for (let i = 0; i < count; i++) {
    // Evenly spaced single- or double-digit keys keep room between every pair.
    const step = (BASE * BASE - 2) / (count + 1);
    const v = Math.round(step * (i + 1));
    let key: string = (DIGITS[Math.floor(v / BASE)] as string) + (DIGITS[v % BASE] as string);
    key = key.replace(/0+$/, '') || '1';
    if (prev !== null && key <= prev) key = keyBetween(prev, null);
    keys.push(key);
    prev = key;
  }
  return keys;
}

/** Sorts records by order key, then by id so that equal keys still give one order everywhere. */
export function byOrder<T extends { order: string; id: string }>(a: T, b: T): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The key that places an item at `index` in `siblings` (already sorted, without the item).
 * Returns null when neighbours share a key: the caller then renumbers the list.
 */
export function keyForIndex(siblings: readonly { order: string }[], index: number): string | null {
  const i = Math.max(0, Math.min(index, siblings.length));
  const before = i > 0 ? (siblings[i - 1]?.order ?? null) : null;
  const after = i < siblings.length ? (siblings[i]?.order ?? null) : null;
  if (before !== null && after !== null && before >= after) return null;
  return keyBetween(before, after);
}
