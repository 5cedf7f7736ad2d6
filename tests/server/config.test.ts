import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, loadConfig } from '../../server/config';
import { createLogger, formatLine } from '../../server/log';

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      ...DEFAULT_CONFIG,
      dataDir: path.resolve('data'),
      staticDir: path.resolve('dist'),
    });
    expect(DEFAULT_CONFIG).toMatchObject({ port: 8080, host: '0.0.0.0', maxMessageBytes: 1_048_576, roomIdleMs: 30_000, compactEvery: 500 });
    expect(DEFAULT_CONFIG).toMatchObject({ maxMessagesPerSecond: 200, maxMessageBurst: 600, maxBoardBytes: 8 * 1024 * 1024 });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: '/tmp/parcours-data',
      STATIC_DIR: '/srv/parcours',
      LOG_LEVEL: 'DEBUG',
      MAX_MESSAGE_BYTES: '2048',
      ROOM_IDLE_MS: '5',
      COMPACT_EVERY: '10',
      MAX_MESSAGES_PER_SECOND: '0',
      MAX_MESSAGE_BURST: '50',
      MAX_BOARD_BYTES: '65536',
    });
    expect(config).toMatchObject({
      port: 0,
      host: '127.0.0.1',
      dataDir: '/tmp/parcours-data',
      staticDir: '/srv/parcours',
      logLevel: 'debug',
      maxMessageBytes: 2048,
      roomIdleMs: 5,
      compactEvery: 10,
      maxMessagesPerSecond: 0,
      maxMessageBurst: 50,
      maxBoardBytes: 65_536,
    });
  });

  it.each([
    ['PORT', '70000'],
    ['PORT', 'eighty'],
    ['COMPACT_EVERY', '0'],
    ['MAX_MESSAGE_BYTES', '1.5'],
    ['LOG_LEVEL', 'verbose'],
    ['MAX_MESSAGES_PER_SECOND', '-1'],
    ['MAX_MESSAGE_BURST', '0'],
    ['MAX_BOARD_BYTES', '8MiB'],
  ])('refuses %s=%s with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});

describe('logger', () => {
  it('filters by level and writes warnings and errors to the error stream', () => {
    const out: string[] = [];
    const err: string[] = [];
    const log = createLogger('warn', { out: (l) => out.push(l), err: (l) => err.push(l) });
    log.debug('hidden');
    log.info('hidden too');
    log.warn('closing connection', { board: 'abc', reason: 'bad frame' });
    log.error('boom');
    expect(out).toEqual([]);
    expect(err).toHaveLength(2);
    expect(err[0]).toMatch(/ WARN closing connection board=abc reason="bad frame"$/);
  });

  it('keeps one event on one line', () => {
    expect(formatLine('info', 'x', { reason: 'two\nlines' })).not.toContain('\n');
  });
});
