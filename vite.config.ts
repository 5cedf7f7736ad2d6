import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
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

/**
 * A board's page is fetched when the app finds it is on a board (src/components/board/App.tsx),
 * which it learns only once its own code has run: a second round of downloads after the first.
 * index.html therefore starts the board page's files itself when its address is a board's, while
 * the app's code is still coming (about 60 ms of every board's opening).
 */
function preloadBoardPage(): Plugin {
  const page = 'src/components/board/BoardPage.tsx';
  return {
    name: 'parcours-preload-board-page',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).flatMap((item) => (item.type === 'chunk' ? [item] : []));
        const entry = chunks.find((chunk) => chunk.facadeModuleId?.endsWith(page));
        if (!entry) throw new Error(`no chunk for ${page}`);
        // What the app's entry imports is fetched by index.html already.
        const fetched = new Set(chunks.filter((chunk) => chunk.isEntry).flatMap((chunk) => [chunk.fileName, ...chunk.imports]));
        const files = new Set<string>();
        const visit = (fileName: string) => {
          const chunk = chunks.find((c) => c.fileName === fileName);
          if (!chunk || fetched.has(fileName) || files.has(`/${fileName}`)) return;
          files.add(`/${fileName}`);
          for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(`/${css}`);
          chunk.imports.forEach(visit);
        };
        visit(entry.fileName);
        const script = `(function(){if(!/^\\/b\\/[^/]+\\/?$/.test(location.pathname))return;${JSON.stringify([...files])}.forEach(function(f){var l=document.createElement('link');if(/\\.css$/.test(f)){l.rel='preload';l.as='style'}else l.rel='modulepreload';l.crossOrigin='';l.href=f;document.head.appendChild(l)})})()`;
        return { html, tags: [{ tag: 'script', children: script, injectTo: 'head' }] };
      },
    },
  };
}

const relayTarget = process.env.PARCOURS_RELAY ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react(), preloadBoardPage()],
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
