import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStore } from '../../server/storage/sqlite';
import {
  cleanupTempDirs,
  connectClient,
  createTestBoard,
  destroyAllClients,
  killAllRelayProcesses,
  makeTempDir,
  startRelayProcess,
  waitFor,
} from '../helpers/relay';

afterEach(async () => {
  destroyAllClients();
  await killAllRelayProcesses();
});
afterAll(cleanupTempDirs);

describe('relay process durability', () => {
  it('keeps every edit a client observed through kill -9 and a restart', async () => {
    const dataDir = makeTempDir('parcours-crash-');
    const first = await startRelayProcess({ dataDir });
    const { boardId: board, params } = await createTestBoard(first.httpUrl);
    const writer = connectClient(first.wsUrl, board, undefined, params);
    const observer = connectClient(first.wsUrl, board, undefined, params);
    await Promise.all([writer.synced, observer.synced]);

    // The observer only sees what the relay broadcast, and the relay stores before it broadcasts.
    const observed = new Set<string>();
    observer.doc.getMap('edits').observe((event) => {
      for (const key of event.keysChanged) observed.add(key);
    });
    let written = 0;
    const writing = setInterval(() => {
      for (let i = 0; i < 3; i++, written++) writer.doc.getMap('edits').set(`edit-${written}`, written);
    }, 2);
    try {
      await waitFor(() => observed.size >= 300, 10_000, '300 observed edits');
      await first.kill('SIGKILL'); // mid-stream: the writer keeps writing until after the kill
    } finally {
      clearInterval(writing);
    }
    // Stop both clients before the restart, so nobody can re-upload what the relay lost.
    writer.destroy();
    observer.destroy();
    const seen = [...observed];
    expect(written).toBeGreaterThan(seen.length * 0.5);

    const second = await startRelayProcess({ dataDir });
    const fresh = connectClient(second.wsUrl, board, undefined, params);
    await fresh.synced;
    const restored = fresh.doc.getMap('edits');
    const missing = seen.filter((key) => !restored.has(key));
    expect(missing).toEqual([]);
    expect(restored.size).toBeGreaterThanOrEqual(seen.length);
  });

  it('stops gracefully on SIGTERM, compacting the loaded boards', async () => {
    const relay = await startRelayProcess();
    const { boardId: board, params } = await createTestBoard(relay.httpUrl);
    const writer = connectClient(relay.wsUrl, board, undefined, params);
    const observer = connectClient(relay.wsUrl, board, undefined, params);
    await Promise.all([writer.synced, observer.synced]);
    for (let i = 0; i < 10; i++) writer.doc.getMap('edits').set(`k${i}`, i);
    await waitFor(() => observer.doc.getMap('edits').size === 10, 5000, 'edits to be relayed');

    expect(await relay.kill('SIGTERM')).toBe(0);
    writer.destroy();
    observer.destroy();

    const store = openSqliteStore(relay.dataDir);
    try {
      const rows = store.load(board);
      expect(rows).toHaveLength(1);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, rows[0]!);
      expect(doc.getMap('edits').size).toBe(10);
    } finally {
      store.close();
    }
  });
});
