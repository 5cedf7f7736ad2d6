/**
 * The content codings the web app is stored in beside each file (written at build time by
 * precompress.ts, chosen per request by static.ts), and Accept-Encoding negotiation.
 */
import path from 'node:path';

/** A content coding with the suffix of its precompressed file, in the server's order of preference. */
export const CONTENT_CODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

export type ContentCodingName = (typeof CONTENT_CODINGS)[number]['name'];
export type ContentCoding = (typeof CONTENT_CODINGS)[number];

/** Text formats that shrink; images, fonts and archives are compressed already. */
const COMPRESSIBLE_EXTENSIONS = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.map',
  '.svg',
  '.txt',
  '.xml',
  '.webmanifest',
  '.wasm',
  '.ico',
]);

/** Whether a file of this name is worth storing precompressed. */
export function isCompressible(fileName: string): boolean {
  return COMPRESSIBLE_EXTENSIONS.has(path.extname(fileName).toLowerCase());
}

/** Reads a q-value (RFC 9110 §12.4.2); anything malformed counts as 0, so the coding is not used. */
function qValue(params: string[]): number {
  for (const param of params) {
    const [key, value] = param.split('=', 2).map((part) => part.trim());
    if (key?.toLowerCase() !== 'q') continue;
    if (value === undefined || !/^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(value)) return 0;
    return Number(value);
  }
  return 1;
}

/**
 * The codings of CONTENT_CODINGS an Accept-Encoding header allows, best first: by the client's
 * q-value, then by the server's preference. No header means none (identity only), as browsers
 * always send one; `*` stands for every coding not named.
 */
export function acceptedCodings(header: string | string[] | undefined): ContentCoding[] {
  if (header === undefined) return [];
  const weights = new Map<string, number>();
  for (const entry of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const [name, ...params] = entry.split(';');
    const coding = name?.trim().toLowerCase();
    if (!coding) continue;
    // x-gzip is gzip's old name (RFC 9110 §8.4.1.3).
    weights.set(coding === 'x-gzip' ? 'gzip' : coding, qValue(params));
  }
  const wildcard = weights.get('*') ?? 0;
  return CONTENT_CODINGS.map((coding, rank) => ({ coding, rank, q: weights.get(coding.name) ?? wildcard }))
    .filter(({ q }) => q > 0)
    .sort((a, b) => b.q - a.q || a.rank - b.rank)
    .map(({ coding }) => coding);
}
