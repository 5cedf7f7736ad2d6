import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import fs from 'node:fs';
import path from 'node:path';

const POSTGRES_HINT = 'PostgreSQL tests skipped: apt-get install postgresql';

/** Whether initdb is on PATH or in a Debian /usr/lib/postgresql/<version>/bin (as tests/helpers/postgres.ts finds it). */
function hasPostgres(): boolean {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const root = '/usr/lib/postgresql';
  if (fs.existsSync(root)) for (const version of fs.readdirSync(root)) dirs.push(path.join(root, version, 'bin'));
  return dirs.some((dir) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl')));
}

/**
 * The relay suites again with every relay's boards in PostgreSQL (tests/helpers/testStorage.ts):
 * the files that start relays through tests/helpers/relay.ts or inProcessRelay.ts. Left out:
 * relay.postgres (on PostgreSQL already), relay.health (it hands the relay its own stores), and
 * the ones that read the board back from the SQLite file: relay.killloop (its scenario) and
 * relay.sync (persistence, compaction on shutdown). Without the
 * PostgreSQL binaries: one line, and the project is not run (an error with REQUIRE_CLUSTER_TOOLS=1).
 */
function serverOnPostgres() {
  if (!hasPostgres()) {
    if (process.env.REQUIRE_CLUSTER_TOOLS === '1') throw new Error(`REQUIRE_CLUSTER_TOOLS=1 but ${POSTGRES_HINT}`);
    console.warn(`${POSTGRES_HINT} (the server-pg project)`);
    return [];
  }
  return [
    {
      extends: true as const,
      test: {
        name: 'server-pg',
        include: ['tests/server/relay.*.test.ts'],
        exclude: [
          'tests/server/relay.postgres.test.ts',
          'tests/server/relay.health.test.ts',
          'tests/server/relay.killloop.test.ts',
          'tests/server/relay.sync.test.ts',
        ],
        environment: 'node',
        env: { PARCOURS_TEST_STORAGE: 'postgres' },
        globalSetup: ['tests/helpers/postgresGlobalSetup.ts'],
        testTimeout: 30_000,
        hookTimeout: 30_000,
      },
    },
  ];
}

const relayTarget = process.env.PARCOURS_RELAY ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 1500,
    // Every file of the build, for the service worker (public/sw.js): it caches them all, so the
    // dialogs and panels fetched on first use also open offline.
    manifest: 'asset-manifest.json',
  },
  server: {
    // `npm run dev` serves the SPA with hot reload; the relay runs separately (`npm run serve`).
    proxy: {
      '/sync': { target: relayTarget, ws: true },
      '/healthz': { target: relayTarget },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        // Every .test.ts outside the server and browser folders runs in Node; every .test.tsx in a DOM.
        // Generous timeouts: the property tests and the first ESLint run are slow on a loaded 2-core machine.
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/server/**', 'tests/e2e/**', '**/node_modules/**'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'components',
          include: ['tests/**/*.test.tsx'],
          environment: 'jsdom',
          testTimeout: 20_000,
          setupFiles: ['tests/helpers/setupDom.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'server', include: ['tests/server/**/*.test.ts'], environment: 'node', testTimeout: 30_000, hookTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
      ...serverOnPostgres(),
    ],
  },
});
