/** Validators, conditional requests and byte ranges for static files (RFC 9110 §8.8, §13, §14). */
import type { Stats } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * A strong entity tag from a file's size and modification time, plus the coding it is stored
 * in: each representation (identity, br, gzip) of a file has its own tag, as RFC 9110 requires.
 */
export function entityTag(stats: Stats, coding?: string): string {
  const base = `${stats.size.toString(36)}-${Math.floor(stats.mtimeMs).toString(36)}`;
  return `"${coding ? `${base}-${coding}` : base}"`;
}

/** Tags listed in an If-None-Match header, compared weakly (a W/ prefix is ignored). */
function matchesAny(header: string, tag: string): boolean {
  if (header.trim() === '*') return true;
  const opaque = (value: string) => value.trim().replace(/^W\//, '');
  return header.split(',').some((candidate) => opaque(candidate) === tag);
}

/** HTTP dates carry whole seconds. */
function seconds(ms: number): number {
  return Math.floor(ms / 1000);
}

/** Whether a GET/HEAD can be answered 304: If-None-Match when present, else If-Modified-Since. */
export function isNotModified(headers: IncomingHttpHeaders, tag: string, stats: Stats): boolean {
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch !== undefined) return matchesAny(ifNoneMatch, tag);
  const ifModifiedSince = headers['if-modified-since'];
  if (ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return Number.isFinite(since) && seconds(stats.mtimeMs) <= seconds(since);
}

/** One byte range, both ends included. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Reads a Range header against a representation of `size` bytes: a range to send, 'unsatisfiable'
 * (answer 416), or null to send the whole (no header, another unit, a malformed or multi-part
 * request: the server may always ignore Range, and multi-part answers are not worth having here).
 */
export function requestedRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  if (header === undefined) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    // A suffix: the last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

/**
 * If-Range: a range is honoured only while the representation is still the one the client
 * holds part of, named by its strong tag or by its exact Last-Modified date.
 */
export function rangeStillValid(headers: IncomingHttpHeaders, tag: string, stats: Stats): boolean {
  const ifRange = headers['if-range'];
  if (ifRange === undefined) return true;
  // Repeated, it names nothing for sure: send the whole.
  if (typeof ifRange !== 'string') return false;
  const value = ifRange.trim();
  if (value.startsWith('"')) return value === tag;
  if (value.startsWith('W/')) return false;
  const date = Date.parse(value);
  return Number.isFinite(date) && seconds(date) === seconds(stats.mtimeMs);
}
