/**
 * Hocuspocus 3 with its default configuration (in-memory documents), started by
 * bench/lib/relays.ts in its own process. With BENCH_STORE_DIR set, an onLoadDocument hook
 * loads a board from `<dir>/<board>.bin` (the stored board of the cold-load test).
 */
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { Server } from '@hocuspocus/server';

const storeDir = process.env.BENCH_STORE_DIR;

const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: false,
  extensions: storeDir
    ? [
        {
          async onLoadDocument({ documentName, document }: { documentName: string; document: Y.Doc }) {
            const file = path.join(storeDir, `${documentName}.bin`);
            if (fs.existsSync(file)) Y.applyUpdate(document, fs.readFileSync(file));
          },
        },
      ]
    : [],
});

server.listen().then(() => {
  process.stdout.write(`hocuspocus listening on http://localhost:${server.address.port}\n`);
});
