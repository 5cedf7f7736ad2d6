/**
 * Reads a PNG in Node by streaming its IDAT data through zlib's inflate, one row at a time,
 * so even a 14 043 × 9 933 poster is decoded without holding its raw pixels. Gives the header,
 * pHYs, chosen pixels and a downsampled copy (to look at).
 */
import fs from 'node:fs';
import { createInflate } from 'node:zlib';
import { PngStreamWriter, crc32 } from '../../src/model/png';

export interface DecodedPng {
  width: number;
  height: number;
  colourType: number;
  /** pHYs pixels per metre (x, y) and unit, or null. */
  phys: { x: number; y: number; unit: number } | null;
  chunkTypes: string[];
  crcErrors: number;
  /** The requested pixels, as [r, g, b, a]. */
  samples: number[][];
  /** An RGBA image `factor` times smaller on each side (box-averaged). */
  thumbnail: { width: number; height: number; rgba: Uint8Array };
  /** The `crop` region at full resolution, when asked for. */
  crop: { width: number; height: number; rgba: Uint8Array } | null;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes `file`, sampling `points` ([x, y]) and averaging `factor` × `factor` blocks for the thumbnail. */
export async function decodePng(
  file: string,
  points: [number, number][] = [],
  factor = 16,
  region?: { x: number; y: number; width: number; height: number },
): Promise<DecodedPng> {
  const bytes = fs.readFileSync(file);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let width = 0;
  let height = 0;
  let colourType = 0;
  let phys: DecodedPng['phys'] = null;
  let crcErrors = 0;
  const chunkTypes: string[] = [];
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = view.getUint32(at);
    const type = bytes.subarray(at + 4, at + 8).toString('latin1');
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (view.getUint32(at + 8 + length) !== crc32(bytes.subarray(at + 4, at + 8 + length))) crcErrors++;
    if (chunkTypes.at(-1) !== type) chunkTypes.push(type);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      colourType = data[9] as number;
    } else if (type === 'pHYs') phys = { x: data.readUInt32BE(0), y: data.readUInt32BE(4), unit: data[8] as number };
    else if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const bpp = colourType === 6 ? 4 : 3;
  const stride = width * bpp;
  const samples: number[][] = points.map(() => []);
  const tw = Math.ceil(width / factor);
  const th = Math.ceil(height / factor);
  const sums = new Float64Array(tw * 4);
  const thumb = new Uint8Array(tw * th * 4);
  let prev = new Uint8Array(stride);
  let row = new Uint8Array(stride);
  let y = 0;
  let pending: Buffer = Buffer.alloc(0);
  const crop = region ? { width: region.width, height: region.height, rgba: new Uint8Array(region.width * region.height * 4) } : null;
  const onRow = () => {
    if (region && crop && y >= region.y && y < region.y + region.height) {
      for (let x = 0; x < region.width; x++) {
        const src = (region.x + x) * bpp;
        const dst = ((y - region.y) * region.width + x) * 4;
        crop.rgba[dst] = row[src] as number;
        crop.rgba[dst + 1] = row[src + 1] as number;
        crop.rgba[dst + 2] = row[src + 2] as number;
        crop.rgba[dst + 3] = bpp === 4 ? (row[src + 3] as number) : 255;
      }
    }
    for (let i = 0; i < points.length; i++) {
      const [px, py] = points[i] as [number, number];
      if (py === y) samples[i] = [...row.subarray(px * bpp, px * bpp + bpp)].concat(bpp === 3 ? [255] : []);
    }
    for (let x = 0; x < width; x++) {
      const s = Math.floor(x / factor) * 4;
      sums[s] = (sums[s] as number) + (row[x * bpp] as number);
      sums[s + 1] = (sums[s + 1] as number) + (row[x * bpp + 1] as number);
      sums[s + 2] = (sums[s + 2] as number) + (row[x * bpp + 2] as number);
      sums[s + 3] = (sums[s + 3] as number) + (bpp === 4 ? (row[x * bpp + 3] as number) : 255);
    }
    if ((y + 1) % factor === 0 || y === height - 1) {
      const ty = Math.floor(y / factor);
      const rows = y - ty * factor + 1;
      for (let tx = 0; tx < tw; tx++) {
        const cols = Math.min(factor, width - tx * factor);
        for (let c = 0; c < 4; c++) thumb[(ty * tw + tx) * 4 + c] = Math.round((sums[tx * 4 + c] as number) / (cols * rows));
      }
      sums.fill(0);
    }
  };
  const consume = (chunk: Buffer) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    let offset = 0;
    while (pending.length - offset >= stride + 1 && y < height) {
      const filter = pending[offset] as number;
      const line = pending.subarray(offset + 1, offset + 1 + stride);
      for (let i = 0; i < stride; i++) {
        const a = i >= bpp ? (row[i - bpp] as number) : 0;
        const b = prev[i] as number;
        const c = i >= bpp ? (prev[i - bpp] as number) : 0;
        const v = line[i] as number;
        row[i] = (v + [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter]!) & 0xff;
      }
      onRow();
      [prev, row] = [row, prev];
      y++;
      offset += stride + 1;
    }
    pending = pending.subarray(offset);
  };
  await new Promise<void>((resolve, reject) => {
    const inflate = createInflate();
    inflate.on('data', consume);
    inflate.on('end', resolve);
    inflate.on('error', reject);
    for (const part of idat) inflate.write(part);
    inflate.end();
  });
  if (y !== height) throw new Error(`decoded ${y} of ${height} rows`);
  return { width, height, colourType, phys, chunkTypes, crcErrors, samples, thumbnail: { width: tw, height: th, rgba: thumb }, crop };
}

/** Writes an RGBA buffer as a PNG file (to look at a thumbnail). */
export async function writePng(file: string, image: { width: number; height: number; rgba: Uint8Array }): Promise<void> {
  const parts: Uint8Array[] = [];
  const writer = new PngStreamWriter(
    { width: image.width, height: image.height, dpi: 96, alpha: true },
    new CompressionStream('deflate'),
    (b) => parts.push(b),
  );
  await writer.writeRows(image.rgba, image.height);
  await writer.finish();
  fs.writeFileSync(file, Buffer.concat(parts));
}
