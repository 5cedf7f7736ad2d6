/**
 * Hocuspocus 3 with its Redis extension, the reference for cross-instance latency in
 * bench/cluster.ts: in-memory documents (its default), instances joined through Redis at
 * 127.0.0.1:$REDIS_PORT. Prints its port like the other bench servers.
 */
import { Server } from '@hocuspocus/server';
import { Redis } from '@hocuspocus/extension-redis';

const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: false,
  extensions: [new Redis({ host: '127.0.0.1', port: Number(process.env.REDIS_PORT) })],
});

server.listen().then(() => {
  process.stdout.write(`hocuspocus listening on http://localhost:${server.address.port}\n`);
});
