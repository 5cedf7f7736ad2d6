/**
 * One in-process relay shared by the tests of a file: started before the first, the stock clients
 * of each test destroyed after it, closed (and the temp dirs removed) after the last.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
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
