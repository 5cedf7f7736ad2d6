import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PngStreamWriter, crc32, filterRows } from '../../src/model/png';

interface Chunk {
  type: string;
  data: Uint8Array;
  crcOk: boolean;
}

function chunks(png: Uint8Array): Chunk[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: Chunk[] = [];
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    out.push({ type, data, crcOk: view.getUint32(at + 8 + length) === crc32(png.subarray(at + 4, at + 8 + length)) });
    at += 12 + length;
  }
  return out;
}

/** Undoes the PNG filters of every row (only None and Sub are used by the writer, Up is handled too). */
function unfilter(raw: Uint8Array, width: number, height: number, bpp: number): Uint8Array {
  const stride = width * bpp;
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const type = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x] as number;
      const left = x >= bpp ? (out[y * stride + x - bpp] as number) : 0;
      const up = y > 0 ? (out[(y - 1) * stride + x] as number) : 0;
      out[y * stride + x] = (v + (type === 1 ? left : type === 2 ? up : 0)) & 0xff;
    }
  }
  return out;
}

async function encode(
  width: number,
  height: number,
  alpha: boolean,
  pixel: (x: number, y: number) => number[],
  strip = 7,
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const writer = new PngStreamWriter({ width, height, dpi: 300, alpha }, new CompressionStream('deflate'), (b) => parts.push(b));
  for (let y0 = 0; y0 < height; y0 += strip) {
    const rows = Math.min(strip, height - y0);
    const rgba = new Uint8Array(rows * width * 4);
    for (let y = 0; y < rows; y++) for (let x = 0; x < width; x++) rgba.set(pixel(x, y0 + y), (y * width + x) * 4);
    await writer.writeRows(rgba, rows);
  }
  await writer.finish();
  return new Uint8Array(Buffer.concat(parts));
}

describe('PNG writer', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
  });

  it('writes signature, IHDR, pHYs, IDAT and IEND with valid CRCs', async () => {
    const png = await encode(33, 20, false, (x, y) => [x * 7, y * 11, 200, 255]);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const list = chunks(png);
    expect(list.map((c) => c.type)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
    expect(list.every((c) => c.crcOk)).toBe(true);
    const ihdr = new DataView(list[0]!.data.buffer, list[0]!.data.byteOffset);
    expect([ihdr.getUint32(0), ihdr.getUint32(4), list[0]!.data[8], list[0]!.data[9]]).toEqual([33, 20, 8, 2]);
    const phys = new DataView(list[1]!.data.buffer, list[1]!.data.byteOffset);
    expect([phys.getUint32(0), phys.getUint32(4), list[1]!.data[8]]).toEqual([11811, 11811, 1]);
  });

  it('round-trips the pixels through zlib, strip by strip, with and without alpha', async () => {
    for (const alpha of [false, true]) {
      const pixel = (x: number, y: number) => [(x * 13) & 255, (y * 5) & 255, (x + y) & 255, alpha ? (x * 3) & 255 : 255];
      const png = await encode(50, 31, alpha, pixel);
      const idat = Buffer.concat(
        chunks(png)
          .filter((c) => c.type === 'IDAT')
          .map((c) => c.data),
      );
      const bpp = alpha ? 4 : 3;
      const pixels = unfilter(new Uint8Array(inflateSync(idat)), 50, 31, bpp);
      expect(pixels.length).toBe(50 * 31 * bpp);
      for (const [x, y] of [
        [0, 0],
        [49, 30],
        [17, 12],
      ] as const) {
        expect([...pixels.subarray((y * 50 + x) * bpp, (y * 50 + x + 1) * bpp)]).toEqual(pixel(x, y).slice(0, bpp));
      }
    }
  });

  it('splits large images into several IDAT chunks', async () => {
    const noise = () => [...crypto.getRandomValues(new Uint8Array(3)), 255];
    const png = await encode(600, 400, true, noise, 64);
    expect(chunks(png).filter((c) => c.type === 'IDAT').length).toBeGreaterThan(1);
  });

  it('refuses to finish before every row is written, or to take too many', async () => {
    const writer = new PngStreamWriter({ width: 2, height: 2, dpi: 96, alpha: false }, new CompressionStream('deflate'), () => undefined);
    await writer.writeRows(new Uint8Array(8), 1);
    await expect(writer.finish()).rejects.toThrow(/1 of 2 rows/);
    await expect(writer.writeRows(new Uint8Array(16), 2)).rejects.toThrow(/more rows/);
  });

  it('filters rows with Sub so flat colour becomes zeros', () => {
    const rgba = new Uint8Array([10, 20, 30, 255, 10, 20, 30, 255]);
    expect([...filterRows(rgba, 2, 1, false)]).toEqual([1, 10, 20, 30, 0, 0, 0]);
  });
});
