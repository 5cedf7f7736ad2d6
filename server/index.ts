/** Entry point (`node dist-server/index.js` once built, `tsx server/index.ts` in development). Reads the environment, starts the relay, stops it on SIGINT/SIGTERM. */
import { loadConfig, type ServerConfig } from './config';
import { startServer } from './app';
import { createLogger } from './log';

/** Longest a graceful stop may take before the process exits anyway. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

async function main(): Promise<void> {
  let config: ServerConfig;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`parcours relay: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  const log = createLogger(config.logLevel);
  const server = await startServer(config, { logger: log });
  // Printed whatever LOG_LEVEL is: scripts and tests read the port from this line.
  process.stdout.write(`parcours relay listening on http://localhost:${server.port}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    setTimeout(() => {
      log.error('graceful stop timed out');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('error while stopping', { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`parcours relay failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
