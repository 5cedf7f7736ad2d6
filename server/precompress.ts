/**
 * Build step: writes a brotli and a gzip copy beside every text file of the built web app, so
 * the relay serves compressed bytes without compressing on each request (static.ts picks them).
 */
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { CONTENT_CODINGS, isCompressible, type ContentCodingName } from './contentCoding';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Compresses once at build time, so the slowest, smallest settings are worth it. */
const COMPRESSORS: Record<ContentCodingName, (input: Buffer) => Promise<Buffer>> = {
  br: (input) =>
    brotli(input, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: input.length,
      },
    }),
  gzip: (input) => gzip(input, { level: zlib.constants.Z_BEST_COMPRESSION }),
};

/** What one file became. */
export interface PrecompressedFile {
  /** Path relative to the directory, with forward slashes. */
  file: string;
  bytes: number;
  /** Size of each copy written; a coding is missing when it would not have been smaller. */
  compressed: Partial<Record<ContentCodingName, number>>;
}

function listFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return listFiles(path.join(dir, entry.name), relative);
    return entry.isFile() ? [relative] : [];
  });
}

/**
 * Writes `<file>.br` and `<file>.gz` beside each compressible file under `dir` (recursively),
 * keeping a copy only when it is smaller than the original; stale copies are removed.
 */
export async function precompressDir(dir: string): Promise<PrecompressedFile[]> {
  const files = listFiles(dir).filter((file) => isCompressible(file));
  return Promise.all(
    files.map(async (file) => {
      const source = path.join(dir, file);
      const input = await fs.promises.readFile(source);
      const compressed: PrecompressedFile['compressed'] = {};
      for (const coding of CONTENT_CODINGS) {
        const output = await COMPRESSORS[coding.name](input);
        const target = source + coding.suffix;
        if (output.length < input.length) {
          await fs.promises.writeFile(target, output);
          compressed[coding.name] = output.length;
        } else {
          await fs.promises.rm(target, { force: true });
        }
      }
      return { file, bytes: input.length, compressed };
    }),
  );
}
