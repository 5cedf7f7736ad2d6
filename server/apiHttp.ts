/** What the JSON API's handlers share: errors as `{error}` answers, bounded JSON bodies, link expiries. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Largest request body read (a link or a version name is a few dozen bytes). */
export const MAX_BODY_BYTES = 16 * 1024;
/** Longest a share link may be valid, in days (0 = never expires). */
export const MAX_EXPIRY_DAYS = 366;
/** A share link's validity when the request names none. */
const DEFAULT_EXPIRY_DAYS = 30;

/** An answer other than success: its status and the `error` text sent. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Sends a JSON answer, never cached; `headOnly` (a HEAD request) sends its headers without the body. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, headOnly = false): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(headOnly ? undefined : text);
}

/** Reads a JSON object body of at most MAX_BODY_BYTES (413 beyond, 400 if not an object); no body is `{}`. */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'request body too large');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new HttpError(400, 'body must be a JSON object');
}

/** When a link asked for with `expiresInDays` stops working (ms since the epoch, 0 = never), or a 400. */
export function expiryOf(body: Record<string, unknown>, now = Date.now()): number {
  const days = body.expiresInDays === undefined ? DEFAULT_EXPIRY_DAYS : Number(body.expiresInDays);
  if (!Number.isFinite(days) || days < 0 || days > MAX_EXPIRY_DAYS)
    throw new HttpError(400, `expiresInDays must be between 0 (never) and ${MAX_EXPIRY_DAYS}`);
  return days === 0 ? 0 : now + days * 86_400_000;
}
