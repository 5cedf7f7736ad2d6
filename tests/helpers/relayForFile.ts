/**
 * In-process relays and their test hooks: one relay shared by the tests of a file, or relays each
 * test starts with its own settings. The stock clients of each test are destroyed after it, the
 * relays closed, and the temp dirs removed after the file.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { ServerConfig } from '../../server/config';
import type { Logger } from '../../server/log';
import { startInProcessRelay, type InProcessRelay } from './inProcessRelay';
import { cleanupTempDirs, destroyAllClients } from './relay';

/** Registers the file's hooks; the relay it returns is read inside the tests, once beforeAll ran. */
export function relayForFile(): InProcessRelay {
  let relay: InProcessRelay | undefined;
  beforeAll(async () => {
    relay = await startInProcessRelay();
  });
  afterEach(() => destroyAllClients());
  afterAll(async () => {
    await relay?.close();
    cleanupTempDirs();
  });
  const started = (): InProcessRelay => {
    if (!relay) throw new Error('the relay is read before it started (outside a test?)');
    return relay;
  };
  return {
    get server() {
      return started().server;
    },
    get config() {
      return started().config;
    },
    get port() {
      return started().port;
    },
    get httpUrl() {
      return started().httpUrl;
    },
    get wsUrl() {
      return started().wsUrl;
    },
    close: () => started().close(),
  };
}

/** Registers the hooks; resolves `start(overrides, logger)` with a relay closed after the test that started it. */
export function relaysPerTest(): (overrides?: Partial<ServerConfig>, logger?: Logger) => Promise<InProcessRelay> {
  const relays: InProcessRelay[] = [];
  afterEach(async () => {
    destroyAllClients();
    await Promise.all(relays.splice(0).map((relay) => relay.close()));
  });
  afterAll(cleanupTempDirs);
  return async (overrides, logger) => {
    const relay = await startInProcessRelay(overrides, logger);
    relays.push(relay);
    return relay;
  };
}
