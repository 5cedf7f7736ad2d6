import type { Stats } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entityTag, isNotModified, rangeStillValid, requestedRange } from '../../server/conditional';

const MTIME = Date.UTC(2025, 0, 15, 10, 30, 0, 250);
const stats = (size: number, mtimeMs = MTIME) => ({ size, mtimeMs, mtime: new Date(mtimeMs) }) as Stats;

describe('entityTag', () => {
  it('gives each coding of a file its own strong tag, and a new one when the file changes', () => {
    const file = stats(1000);
    const tags = [
      entityTag(file),
      entityTag(file, 'br'),
      entityTag(file, 'gzip'),
      entityTag(stats(1001)),
      entityTag(stats(1000, MTIME + 1000)),
    ];
    expect(new Set(tags).size).toBe(tags.length);
    for (const tag of tags) expect(tag).toMatch(/^"[0-9a-z-]+"$/);
    expect(entityTag(stats(1000))).toBe(entityTag(file));
  });
});

describe('isNotModified', () => {
  const file = stats(10);
  const tag = entityTag(file);
  const lastModified = new Date(MTIME).toUTCString();

  it('matches If-None-Match against the tag, in a list, weakly, or as *', () => {
    expect(isNotModified({ 'if-none-match': tag }, tag, file)).toBe(true);
    expect(isNotModified({ 'if-none-match': `"other", W/${tag}` }, tag, file)).toBe(true);
    expect(isNotModified({ 'if-none-match': '*' }, tag, file)).toBe(true);
    expect(isNotModified({ 'if-none-match': '"other"' }, tag, file)).toBe(false);
    expect(isNotModified({ 'if-none-match': entityTag(file, 'br') }, tag, file)).toBe(false);
  });

  it('uses If-Modified-Since only without If-None-Match, to the second', () => {
    expect(isNotModified({ 'if-modified-since': lastModified }, tag, file)).toBe(true);
    expect(isNotModified({ 'if-modified-since': new Date(MTIME - 1000).toUTCString() }, tag, file)).toBe(false);
    expect(isNotModified({ 'if-modified-since': 'not a date' }, tag, file)).toBe(false);
    expect(isNotModified({ 'if-none-match': '"other"', 'if-modified-since': lastModified }, tag, file)).toBe(false);
    expect(isNotModified({}, tag, file)).toBe(false);
  });
});

describe('requestedRange', () => {
  it.each([
    ['bytes=0-9', { start: 0, end: 9 }],
    ['bytes=90-', { start: 90, end: 99 }],
    ['bytes=95-200', { start: 95, end: 99 }],
    ['bytes=-10', { start: 90, end: 99 }],
    ['bytes=-500', { start: 0, end: 99 }],
    [' bytes=5-5 ', { start: 5, end: 5 }],
  ])('reads %s of 100 bytes', (header, range) => {
    expect(requestedRange(header, 100)).toEqual(range);
  });

  it.each(['bytes=100-', 'bytes=150-200', 'bytes=-0'])('finds %s unsatisfiable for 100 bytes', (header) => {
    expect(requestedRange(header, 100)).toBe('unsatisfiable');
  });

  it.each([undefined, 'bytes=0-1,5-6', 'items=0-1', 'bytes=9-2', 'bytes=-', 'bytes=a-b', 'bytes 0-1'])(
    'ignores %s and sends the whole',
    (header) => {
      expect(requestedRange(header, 100)).toBeNull();
    },
  );
});

describe('rangeStillValid', () => {
  const file = stats(10);
  const tag = entityTag(file);

  it('honours a range only for the representation the client holds part of', () => {
    expect(rangeStillValid({}, tag, file)).toBe(true);
    expect(rangeStillValid({ 'if-range': tag }, tag, file)).toBe(true);
    expect(rangeStillValid({ 'if-range': '"older"' }, tag, file)).toBe(false);
    expect(rangeStillValid({ 'if-range': `W/${tag}` }, tag, file)).toBe(false);
    expect(rangeStillValid({ 'if-range': new Date(MTIME).toUTCString() }, tag, file)).toBe(true);
    expect(rangeStillValid({ 'if-range': new Date(MTIME - 5000).toUTCString() }, tag, file)).toBe(false);
  });
});
