/**
 * Hocuspocus 3 with its Redis extension, the reference for cross-instance latency in
 * bench/cluster.ts: in-memory documents (its default), instances joined through Redis at
 * 127.0.0.1:$REDIS_PORT. Prints its port like the other bench servers.
 *
 * With STORE_DIR set, documents are also stored the way Hocuspocus' own persistence does it:
 * its `onStoreDocument` hook writes the whole document (one file per document here), called with
 * Hocuspocus' default debounce (2 s, at most 10 s), and `onLoadDocument` reads it back. This is
 * what bench/cluster.ts kills with SIGKILL to count what an acknowledged edit may lose.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { Server } from '@hocuspocus/server';
import { Redis } from '@hocuspocus/extension-redis';

const storeDir = process.env.STORE_DIR;
const fileOf = (name: string) => path.join(storeDir!, `${encodeURIComponent(name)}.ydoc`);

const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: false,
  extensions: process.env.REDIS_PORT ? [new Redis({ host: '127.0.0.1', port: Number(process.env.REDIS_PORT) })] : [],
  ...(storeDir
    ? {
        onLoadDocument: async ({ document, documentName }) => {
          if (fs.existsSync(fileOf(documentName))) Y.applyUpdate(document, fs.readFileSync(fileOf(documentName)));
          return document;
        },
        onStoreDocument: async ({ document, documentName }) => {
          fs.writeFileSync(fileOf(documentName), Y.encodeStateAsUpdate(document));
        },
      }
    : {}),
});

server.listen().then(() => {
  process.stdout.write(`hocuspocus listening on http://localhost:${server.address.port}\n`);
});
