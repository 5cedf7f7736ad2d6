/**
 * The reference relay: @y/websocket-server's setupWSConnection on a plain http + ws server, as
 * its README and bin script set it up. Started by bench/lib/relays.ts in its own process.
 * With BENCH_STORE_DIR set, a board is loaded from `<dir>/<board>.bin` when first opened (the
 * stored board of the cold-load test); otherwise documents live in memory only, the default.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { setPersistence, setupWSConnection } from '@y/websocket-server/utils';

const storeDir = process.env.BENCH_STORE_DIR;
if (storeDir) {
  setPersistence({
    provider: null,
    bindState: (docName: string, doc: Y.Doc) => {
      const file = path.join(storeDir, `${docName}.bin`);
      if (fs.existsSync(file)) Y.applyUpdate(doc, fs.readFileSync(file));
    },
    writeState: async () => {},
  });
}

const wss = new WebSocketServer({ noServer: true });
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('okay');
});
server.on('upgrade', (req, socket, head) => {
  // Same URLs as our relay: /sync/<board>.
  const docName = (req.url ?? '').split('?')[0]?.replace(/^\/sync\//, '') ?? '';
  wss.handleUpgrade(req, socket, head, (ws) => setupWSConnection(ws, req, { docName }));
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`reference relay listening on http://localhost:${(server.address() as AddressInfo).port}\n`);
});
