/**
 * A streaming PNG writer: signature, IHDR, pHYs, IDAT chunks from a deflate (zlib) stream,
 * IEND. Rows go in strip by strip and compressed bytes come out as they are ready, so an
 * image far larger than any canvas never has to exist in memory at once. Pure: the deflate
 * stream is handed in (CompressionStream('deflate') in browsers and Node).
 */
import { pixelsPerMetre } from './paper';

const SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309) of `bytes`, continuing from `crc` (pass the previous result to chain). */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = (crc ^ 0xffffffff) >>> 0;
  for (let i = 0; i < bytes.length; i++) c = (CRC_TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One PNG chunk: length, type, data, CRC of type and data. */
export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

export interface PngHeader {
  width: number;
  height: number;
  dpi: number;
  /** RGBA (colour type 6) when true, RGB (colour type 2) otherwise. */
  alpha: boolean;
}

/** Signature, IHDR (8-bit, no interlace) and pHYs (pixels per metre from dpi). */
export function pngHead({ width, height, dpi, alpha }: PngHeader): Uint8Array {
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr[8] = 8;
  ihdr[9] = alpha ? 6 : 2;
  const phys = new Uint8Array(9);
  const p = new DataView(phys.buffer);
  const ppm = pixelsPerMetre(dpi);
  p.setUint32(0, ppm);
  p.setUint32(4, ppm);
  phys[8] = 1; // unit: metre
  const a = pngChunk('IHDR', ihdr);
  const b = pngChunk('pHYs', phys);
  const out = new Uint8Array(SIGNATURE.length + a.length + b.length);
  out.set(SIGNATURE, 0);
  out.set(a, SIGNATURE.length);
  out.set(b, SIGNATURE.length + a.length);
  return out;
}

export const PNG_END = pngChunk('IEND', new Uint8Array(0));

/**
 * Filters RGBA rows for PNG with the "Sub" filter (type 1: each byte minus the same byte of
 * the pixel to its left), dropping alpha when the image is RGB. Flat areas become zeros, which
 * deflate squeezes well. Returns `rows` × (1 + width × channels) bytes.
 */
export function filterRows(rgba: Uint8Array | Uint8ClampedArray, width: number, rows: number, alpha: boolean): Uint8Array<ArrayBuffer> {
  const bpp = alpha ? 4 : 3;
  const stride = 1 + width * bpp;
  const out = new Uint8Array(rows * stride);
  for (let y = 0; y < rows; y++) {
    const src = y * width * 4;
    const dst = y * stride;
    out[dst] = 1;
    let pr = 0;
    let pg = 0;
    let pb = 0;
    let pa = 0;
    for (let x = 0; x < width; x++) {
      const s = src + x * 4;
      const d = dst + 1 + x * bpp;
      const r = rgba[s] as number;
      const g = rgba[s + 1] as number;
      const b = rgba[s + 2] as number;
      out[d] = (r - pr) & 0xff;
      out[d + 1] = (g - pg) & 0xff;
      out[d + 2] = (b - pb) & 0xff;
      pr = r;
      pg = g;
      pb = b;
      if (alpha) {
        const a = rgba[s + 3] as number;
        out[d + 3] = (a - pa) & 0xff;
        pa = a;
      }
    }
  }
  return out;
}

/** A zlib deflate stream, such as CompressionStream('deflate'). */
export interface DeflateStream {
  readable: ReadableStream<Uint8Array>;
  writable: WritableStream<BufferSource>;
}

/** IDAT payloads are gathered up to this size before a chunk is emitted. */
const IDAT_SIZE = 512 * 1024;

/**
 * Writes a PNG as a stream: `writeRows` takes RGBA strips top to bottom, `finish` ends the
 * file; every finished piece of the file goes to `emit` in order.
 */
export class PngStreamWriter {
  private readonly writer: WritableStreamDefaultWriter<BufferSource>;
  private readonly pump: Promise<void>;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private rowsWritten = 0;

  constructor(
    private readonly header: PngHeader,
    deflate: DeflateStream,
    private readonly emit: (bytes: Uint8Array) => void,
  ) {
    emit(pngHead(header));
    this.writer = deflate.writable.getWriter();
    this.pump = this.drain(deflate.readable.getReader());
  }

  private async drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      this.pending.push(value);
      this.pendingBytes += value.length;
      if (this.pendingBytes >= IDAT_SIZE) this.flush();
    }
    this.flush();
  }

  private flush(): void {
    if (this.pendingBytes === 0) return;
    const data = new Uint8Array(this.pendingBytes);
    let at = 0;
    for (const part of this.pending) {
      data.set(part, at);
      at += part.length;
    }
    this.pending = [];
    this.pendingBytes = 0;
    this.emit(pngChunk('IDAT', data));
  }

  /** Adds `rows` rows of RGBA pixels (width × 4 bytes each). */
  async writeRows(rgba: Uint8Array | Uint8ClampedArray, rows: number): Promise<void> {
    if (this.rowsWritten + rows > this.header.height) throw new RangeError('more rows than the image height');
    await this.writer.ready;
    await this.writer.write(filterRows(rgba, this.header.width, rows, this.header.alpha));
    this.rowsWritten += rows;
  }

  /** Ends the image (all rows must have been written) and emits IEND. */
  async finish(): Promise<void> {
    if (this.rowsWritten !== this.header.height) throw new RangeError(`wrote ${this.rowsWritten} of ${this.header.height} rows`);
    await this.writer.close();
    await this.pump;
    this.emit(PNG_END);
  }

  /** Stops early (cancel): the deflate stream is aborted and nothing more is emitted. */
  async abort(): Promise<void> {
    await this.writer.abort().catch(() => undefined);
  }
}
