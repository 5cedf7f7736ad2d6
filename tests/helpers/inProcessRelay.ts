/** Runs the real relay inside the test process on port 0, with temp data and static dirs. */
import { startServer, type RunningServer } from '../../server/app';
import { DEFAULT_CONFIG, type ServerConfig } from '../../server/config';
import { silentLogger, type Logger } from '../../server/log';
import { makeTempDir } from './relay';
import { databaseUrlFor, testStorageIsPostgres } from './testStorage';

export interface InProcessRelay {
  server: RunningServer;
  config: ServerConfig;
  port: number;
  /** e.g. http://127.0.0.1:1234 */
  httpUrl: string;
  /** The provider's serverUrl: ws://127.0.0.1:1234/sync */
  wsUrl: string;
  close(): Promise<void>;
}

/**
 * Starts the relay in-process; unspecified settings are the defaults, with temp dirs and a silent
 * logger. Under PARCOURS_TEST_STORAGE=postgres its boards are in the database of its data dir.
 */
export async function startInProcessRelay(overrides: Partial<ServerConfig> = {}, logger: Logger = silentLogger): Promise<InProcessRelay> {
  const config: ServerConfig = {
    ...DEFAULT_CONFIG,
    port: 0,
    host: '127.0.0.1',
    dataDir: makeTempDir('parcours-data-'),
    staticDir: makeTempDir('parcours-static-'),
    logLevel: 'silent',
    ...overrides,
  };
  if (testStorageIsPostgres() && overrides.databaseUrl === undefined) config.databaseUrl = await databaseUrlFor(config.dataDir);
  const server = await startServer(config, { logger });
  return {
    server,
    config,
    port: server.port,
    httpUrl: `http://127.0.0.1:${server.port}`,
    wsUrl: `ws://127.0.0.1:${server.port}/sync`,
    close: () => server.close(),
  };
}
