/** Build step (`npm run build`): `tsx server/precompressCli.ts [dir]` writes the .br and .gz copies of the built web app. */
import path from 'node:path';
import { precompressDir, type PrecompressedFile } from './precompress';

const dir = path.resolve(process.argv[2] ?? 'dist');

function kilobytes(files: PrecompressedFile[], size: (file: PrecompressedFile) => number): string {
  return `${(files.reduce((sum, file) => sum + size(file), 0) / 1024).toFixed(1)} kB`;
}

precompressDir(dir).then(
  (files) => {
    const summary = [
      `${files.length} files, ${kilobytes(files, (f) => f.bytes)}`,
      `brotli ${kilobytes(files, (f) => f.compressed.br ?? f.bytes)}`,
      `gzip ${kilobytes(files, (f) => f.compressed.gzip ?? f.bytes)}`,
    ];
    process.stdout.write(`precompressed ${path.relative(process.cwd(), dir) || '.'}: ${summary.join(', ')}\n`);
  },
  (error: unknown) => {
    process.stderr.write(`precompress failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
