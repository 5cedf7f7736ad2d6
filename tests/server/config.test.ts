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
    expect(DEFAULT_CONFIG).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      maxMessageBytes: 1_048_576,
      roomIdleMs: 30_000,
      compactEvery: 500,
    });
    expect(DEFAULT_CONFIG).toMatchObject({ maxMessagesPerSecond: 200, maxMessageBurst: 600, maxBoardBytes: 8 * 1024 * 1024 });
    expect(DEFAULT_CONFIG).toMatchObject({
      maxBytesPerSecond: 2 * 1024 * 1024,
      maxByteBurst: 16 * 1024 * 1024,
      maxSendBufferBytes: 16 * 1024 * 1024,
    });
    expect(DEFAULT_CONFIG).toMatchObject({
      trustProxy: 0,
      ipMaxConnections: 200,
      ipMaxSockets: 1000,
      ipMaxSendBufferBytes: 128 * 1024 * 1024,
      ipRequestsPerSecond: 20,
      ipRequestBurst: 100,
      ipNewBoardsPerHour: 180,
      ipNewBoardBurst: 30,
      ipNewVersionsPerHour: 60,
      ipNewVersionBurst: 10,
    });
    expect(DEFAULT_CONFIG).toMatchObject({ ipAdminFailuresPerHour: 10, ipAdminFailureBurst: 10 });
  });

  it('defaults to limits that let a full board be imported and received, and drop slowloris sockets within seconds', () => {
    const d = DEFAULT_CONFIG;
    expect(d.maxByteBurst).toBeGreaterThanOrEqual(2 * d.maxBoardBytes);
    expect(d.maxSendBufferBytes).toBeGreaterThanOrEqual(d.maxBoardBytes + d.maxMessageBytes);
    expect(d.ipMaxSendBufferBytes).toBeGreaterThanOrEqual(d.maxSendBufferBytes);
    expect(d.syncRequestBufferBytes).toBeLessThan(d.maxMessageBytes);
    expect(d.headersTimeoutMs).toBeLessThanOrEqual(10_000);
    expect(d.headersTimeoutMs).toBeLessThanOrEqual(d.requestTimeoutMs);
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
      MAX_BYTES_PER_SECOND: '1000',
      MAX_BYTE_BURST: '4096',
      MAX_SEND_BUFFER_BYTES: '200000',
      TRUST_PROXY: '1',
      IP_MAX_CONNECTIONS: '0',
      IP_MAX_SEND_BUFFER_BYTES: '300000',
      IP_MAX_SOCKETS: '9',
      IP_REQUESTS_PER_SECOND: '5',
      IP_REQUEST_BURST: '7',
      IP_NEW_BOARDS_PER_HOUR: '12',
      IP_NEW_BOARD_BURST: '3',
      IP_NEW_VERSIONS_PER_HOUR: '4',
      IP_NEW_VERSION_BURST: '2',
      IP_ADMIN_FAILURES_PER_HOUR: '6',
      IP_ADMIN_FAILURE_BURST: '4',
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
      maxBytesPerSecond: 1000,
      maxByteBurst: 4096,
      maxSendBufferBytes: 200_000,
      trustProxy: 1,
      ipMaxConnections: 0,
      ipMaxSendBufferBytes: 300_000,
      ipMaxSockets: 9,
      ipRequestsPerSecond: 5,
      ipRequestBurst: 7,
      ipNewBoardsPerHour: 12,
      ipNewBoardBurst: 3,
      ipNewVersionsPerHour: 4,
      ipNewVersionBurst: 2,
      ipAdminFailuresPerHour: 6,
      ipAdminFailureBurst: 4,
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
    ['MAX_BYTES_PER_SECOND', '-5'],
    ['MAX_BYTE_BURST', '10'],
    ['MAX_SEND_BUFFER_BYTES', 'lots'],
    ['TRUST_PROXY', '17'],
    ['TRUST_PROXY', 'yes'],
    ['IP_MAX_CONNECTIONS', '-1'],
    ['IP_MAX_SEND_BUFFER_BYTES', '-1'],
    ['IP_MAX_SOCKETS', 'x'],
    ['IP_REQUESTS_PER_SECOND', '2.5'],
    ['IP_REQUEST_BURST', '0'],
    ['IP_NEW_BOARDS_PER_HOUR', 'many'],
    ['IP_NEW_BOARD_BURST', '0'],
    ['IP_NEW_VERSIONS_PER_HOUR', '-2'],
    ['IP_NEW_VERSION_BURST', '0'],
  ])('refuses %s=%s with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});

describe('loadConfig consistency', () => {
  it('refuses a byte burst smaller than the largest message, which could then never pass', () => {
    expect(() => loadConfig({ MAX_MESSAGE_BYTES: '65536', MAX_BYTE_BURST: '32768' })).toThrow('MAX_BYTE_BURST');
    expect(loadConfig({ MAX_MESSAGE_BYTES: '65536', MAX_BYTE_BURST: '32768', MAX_BYTES_PER_SECOND: '0' }).maxByteBurst).toBe(32_768);
  });

  it('refuses a send buffer too small to hold a full board, which a slow client could then never receive', () => {
    expect(() => loadConfig({ MAX_BOARD_BYTES: String(32 * 1024 * 1024) })).toThrow('MAX_SEND_BUFFER_BYTES');
    expect(loadConfig({ MAX_BOARD_BYTES: String(32 * 1024 * 1024), MAX_SEND_BUFFER_BYTES: '0' }).maxSendBufferBytes).toBe(0);
    expect(loadConfig({ MAX_BOARD_BYTES: '0', MAX_SEND_BUFFER_BYTES: String(2 * 1024 * 1024) }).maxSendBufferBytes).toBe(2 * 1024 * 1024);
  });

  it('refuses an address budget smaller than what one connection may hold', () => {
    expect(() => loadConfig({ IP_MAX_SEND_BUFFER_BYTES: String(8 * 1024 * 1024) })).toThrow('IP_MAX_SEND_BUFFER_BYTES');
    expect(loadConfig({ IP_MAX_SEND_BUFFER_BYTES: '0' }).ipMaxSendBufferBytes).toBe(0);
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
