import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

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
    ],
  },
});
