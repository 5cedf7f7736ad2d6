/**
 * Serves the built SPA: real files (precompressed when the client accepts it), long-cached
 * hashed assets, index.html revalidated on every visit and for app routes.
 */
import fs from 'node:fs';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { entityTag, isNotModified, rangeStillValid, requestedRange } from './conditional';
import { CONTENT_CODINGS, acceptedCodings, isCompressible, type ContentCodingName } from './contentCoding';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

/** The content type for a file name (octet-stream when unknown). */
export function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticTarget = { ok: true; relativePath: string } | { ok: false; status: 400 | 404 };

/**
 * Turns a URL path into a path relative to the static root, refusing anything that could
 * escape it (`..` segments, also percent-encoded; backslashes; NUL) or reach hidden files.
 */
export function resolveStaticTarget(pathname: string): StaticTarget {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 400 };
  const segments = decoded.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) return { ok: false, status: 400 };
  if (segments.some((segment) => segment.startsWith('.'))) return { ok: false, status: 404 };
  return { ok: true, relativePath: segments.join('/') };
}

/** Whether `candidate` lies inside `root` (both absolute). A second line of defence after resolveStaticTarget. */
function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

async function regularFile(filePath: string): Promise<fs.Stats | null> {
  try {
    const stats = await fs.promises.stat(filePath);
    return stats.isFile() ? stats : null;
  } catch {
    return null;
  }
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(`${text}\n`);
}

/** The bytes sent for a file: the file itself or its precompressed copy. */
interface Representation {
  path: string;
  stats: fs.Stats;
  coding?: ContentCodingName;
}

/**
 * Picks the copy of `file` to send for this Accept-Encoding. `varies` says whether copies
 * exist at all, in which case every answer for the file must carry `Vary: Accept-Encoding`.
 */
async function chooseRepresentation(
  file: Representation,
  acceptEncoding: string | string[] | undefined,
): Promise<{ chosen: Representation; varies: boolean }> {
  if (!isCompressible(file.path)) return { chosen: file, varies: false };
  const copies = await Promise.all(
    CONTENT_CODINGS.map(async ({ name, suffix }) => {
      const stats = await regularFile(file.path + suffix);
      return stats ? { path: file.path + suffix, stats, coding: name } : null;
    }),
  );
  const available = copies.filter((copy) => copy !== null);
  const accepted = acceptedCodings(acceptEncoding);
  const best = accepted.map(({ name }) => available.find((copy) => copy.coding === name)).find((copy) => copy !== undefined);
  return { chosen: best ?? file, varies: available.length > 0 };
}

/**
 * Sends a file (GET or HEAD) as its best precompressed copy for the client, with validators:
 * 304 when the client's copy is current, 206 for one byte range of the bytes sent, 416 past the end.
 */
async function sendFile(req: IncomingMessage, res: ServerResponse, file: Representation, cacheControl: string): Promise<void> {
  const { chosen, varies } = await chooseRepresentation(file, req.headers['accept-encoding']);
  const tag = entityTag(chosen.stats, chosen.coding);
  const headers: OutgoingHttpHeaders = {
    'Cache-Control': cacheControl,
    ETag: tag,
    'Last-Modified': file.stats.mtime.toUTCString(),
    ...(varies ? { Vary: 'Accept-Encoding' } : {}),
  };
  if (isNotModified(req.headers, tag, file.stats)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  Object.assign(headers, {
    'Content-Type': contentTypeFor(file.path),
    'X-Content-Type-Options': 'nosniff',
    'Accept-Ranges': 'bytes',
    ...(chosen.coding ? { 'Content-Encoding': chosen.coding } : {}),
  });
  const size = chosen.stats.size;
  // Range is defined for GET only; a range applies to the bytes sent, compressed or not.
  const range = req.method === 'GET' && rangeStillValid(req.headers, tag, file.stats) ? requestedRange(req.headers.range, size) : null;
  if (range === 'unsatisfiable') {
    res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}`, 'Content-Length': 0 });
    res.end();
    return;
  }
  if (range) {
    res.writeHead(206, {
      ...headers,
      'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
      'Content-Length': range.end - range.start + 1,
    });
  } else {
    res.writeHead(200, { ...headers, 'Content-Length': size });
  }
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  // pipeline destroys the response if reading fails half-way; nothing is left to throw.
  pipeline(fs.createReadStream(chosen.path, range ?? {}), res, () => undefined);
}

/** Vite content-hashes everything under /assets/, so those never change under a given name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

const NOT_BUILT = 'Parcours: the web app is not built. Run "npm run build" (it writes dist/), or point STATIC_DIR at a built copy.';

/** Answers a GET/HEAD for a non-API path from `root` (absolute), with SPA fallback to index.html. */
export async function serveStatic(root: string, pathname: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const target = resolveStaticTarget(pathname);
  if (!target.ok) {
    sendText(res, target.status, target.status === 400 ? 'Bad Request' : 'Not Found');
    return;
  }
  const filePath = path.join(root, target.relativePath);
  if (!isInside(root, filePath)) {
    sendText(res, 400, 'Bad Request');
    return;
  }
  if (target.relativePath !== '') {
    const stats = await regularFile(filePath);
    if (stats !== null) {
      const immutable = target.relativePath.startsWith('assets/');
      await sendFile(req, res, { path: filePath, stats }, immutable ? IMMUTABLE : 'no-cache');
      return;
    }
    // A missing file with an extension is a real 404; extension-less paths are app routes (/b/<id>).
    if (path.extname(target.relativePath) !== '') {
      sendText(res, 404, 'Not Found');
      return;
    }
  }
  const indexPath = path.join(root, 'index.html');
  const index = await regularFile(indexPath);
  if (index === null) {
    sendText(res, 503, NOT_BUILT);
    return;
  }
  await sendFile(req, res, { path: indexPath, stats: index }, 'no-cache');
}
