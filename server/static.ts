/** Serves the built SPA: real files, long-cached hashed assets, and index.html for app routes. */
import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';

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

function sendFile(res: ServerResponse, filePath: string, stats: fs.Stats, cacheControl: string, headOnly: boolean): void {
  res.writeHead(200, {
    'Content-Type': contentTypeFor(filePath),
    'Content-Length': stats.size,
    'Cache-Control': cacheControl,
    'Last-Modified': stats.mtime.toUTCString(),
    'X-Content-Type-Options': 'nosniff',
  });
  if (headOnly) {
    res.end();
    return;
  }
  // pipeline destroys the response if reading fails half-way; nothing is left to throw.
  pipeline(fs.createReadStream(filePath), res, () => undefined);
}

const NOT_BUILT =
  'Parcours: the web app is not built. Run "npm run build" (it writes dist/), or point STATIC_DIR at a built copy.';

/** Answers a GET/HEAD for a non-API path from `root` (absolute), with SPA fallback to index.html. */
export async function serveStatic(root: string, pathname: string, res: ServerResponse, headOnly: boolean): Promise<void> {
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
      // Vite content-hashes everything under /assets/, so those never change under a given name.
      const immutable = target.relativePath.startsWith('assets/');
      sendFile(res, filePath, stats, immutable ? 'public, max-age=31536000, immutable' : 'no-cache', headOnly);
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
  sendFile(res, indexPath, index, 'no-cache', headOnly);
}
