/**
 * Web Worker: turns RGBA strips into a PNG file with the streaming writer, off the main
 * thread. Messages are handled one at a time, in order; each `rows` message is acknowledged
 * so the page sends the next strip only then (memory stays at about one strip).
 */
import { PngStreamWriter, type PngHeader } from '../model/png';

export type WorkerRequest = { type: 'start'; header: PngHeader } | { type: 'rows'; buffer: ArrayBuffer; rows: number } | { type: 'finish' };

export type WorkerReply = { type: 'ack' } | { type: 'done'; blob: Blob } | { type: 'error'; message: string };

const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null; postMessage(message: WorkerReply): void };

// Compressed output is folded into a Blob every few megabytes: the browser may keep blobs out of the JS heap.
const FOLD_BYTES = 8 * 1024 * 1024;
let writer: PngStreamWriter | null = null;
let blob = new Blob([]);
let parts: Uint8Array<ArrayBuffer>[] = [];
let partBytes = 0;
let queue: Promise<void> = Promise.resolve();

function collect(bytes: Uint8Array): void {
  parts.push(bytes as Uint8Array<ArrayBuffer>);
  partBytes += bytes.length;
  if (partBytes >= FOLD_BYTES) fold();
}

function fold(): void {
  blob = new Blob([blob, ...parts], { type: 'image/png' });
  parts = [];
  partBytes = 0;
}

async function handle(message: WorkerRequest): Promise<void> {
  if (message.type === 'start') {
    blob = new Blob([]);
    parts = [];
    partBytes = 0;
    writer = new PngStreamWriter(message.header, new CompressionStream('deflate'), collect);
    return;
  }
  if (!writer) throw new Error('no image started');
  if (message.type === 'rows') {
    await writer.writeRows(new Uint8Array(message.buffer), message.rows);
    scope.postMessage({ type: 'ack' });
    return;
  }
  await writer.finish();
  fold();
  writer = null;
  scope.postMessage({ type: 'done', blob });
}

scope.onmessage = (e) => {
  queue = queue
    .then(() => handle(e.data))
    .catch((error: unknown) => scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
};
