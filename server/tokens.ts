/**
 * Share-link tokens: `base64url(payload JSON) + "." + base64url(HMAC-SHA256(secret, payload))`.
 * The payload names the board, the role, the board's link generation (bumped to revoke every
 * link at once) and an expiry. See docs/security.md.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { REFUSAL_EXPIRED, REFUSAL_REVOKED } from '../src/model/relayProtocol';
import { FEED_ROLE, isRole, type Role } from '../src/model/roles';

export interface TokenPayload {
  /** Board id. */
  b: string;
  /** Role. */
  r: Role;
  /** Link generation of the board when the token was made. */
  g: number;
  /** Expiry, ms since the epoch; 0 = never. */
  e: number;
}

export type TokenCheck = { ok: true; payload: TokenPayload } | { ok: false; status: 401 | 403; reason: string };

/** A feed token's payload: like a link's, with the feed's id `k` (revoked one by one) and the feed role. */
export interface FeedTokenPayload {
  b: string;
  r: typeof FEED_ROLE;
  g: number;
  e: number;
  k: string;
}

export type FeedTokenCheck = { ok: true; payload: FeedTokenPayload } | { ok: false; status: 401 | 403; reason: string };

/** Why a feed token opens nothing but the metrics endpoint. */
export const REFUSAL_FEED_ONLY = 'a feed token only writes metric values';

/** Longest token accepted (a real one is ~150 characters). */
const MAX_TOKEN_LENGTH = 512;

const b64 = (bytes: Buffer) => bytes.toString('base64url');

function mac(secret: Buffer, body: string): Buffer {
  return createHmac('sha256', secret).update(body).digest();
}

/** Signs a payload into a token. */
export function signToken(secret: Buffer, payload: TokenPayload | FeedTokenPayload): string {
  const body = b64(Buffer.from(JSON.stringify(payload)));
  return `${body}.${b64(mac(secret, body))}`;
}

function parsePayload(body: string): TokenPayload | null {
  try {
    const p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<TokenPayload>;
    if (typeof p.b !== 'string' || !isRole(p.r) || !Number.isSafeInteger(p.g) || !Number.isSafeInteger(p.e)) return null;
    return p as TokenPayload;
  } catch {
    return null;
  }
}

/** The payload part of a token whose signature is ours, or why not (401). */
function signedBody(
  secret: Buffer,
  token: string | null | undefined,
): { ok: true; body: string } | { ok: false; status: 401; reason: string } {
  if (!token) return { ok: false, status: 401, reason: 'token required' };
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, status: 401, reason: 'malformed token' };
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return { ok: false, status: 401, reason: 'malformed token' };
  const expected = mac(secret, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, status: 401, reason: 'invalid signature' };
  return { ok: true, body };
}

/**
 * Checks a token for a board: 401 when it is missing, malformed or not signed by us; 403 when
 * it is genuine but for another board, expired, or revoked (older generation).
 */
export function verifyToken(
  secret: Buffer,
  token: string | null | undefined,
  boardId: string,
  generation: number,
  now = Date.now(),
): TokenCheck {
  const signed = signedBody(secret, token);
  if (!signed.ok) return signed;
  const { body } = signed;
  if (parseFeedPayload(body)) return { ok: false, status: 403, reason: REFUSAL_FEED_ONLY };
  const payload = parsePayload(body);
  if (!payload) return { ok: false, status: 401, reason: 'malformed token' };
  if (payload.b !== boardId) return { ok: false, status: 403, reason: 'token for another board' };
  if (payload.e !== 0 && payload.e <= now) return { ok: false, status: 403, reason: REFUSAL_EXPIRED };
  if (payload.g !== generation) return { ok: false, status: 403, reason: REFUSAL_REVOKED };
  return { ok: true, payload };
}

function parseFeedPayload(body: string): FeedTokenPayload | null {
  try {
    const p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<FeedTokenPayload>;
    if (p.r !== FEED_ROLE || typeof p.b !== 'string' || typeof p.k !== 'string' || !Number.isSafeInteger(p.g) || !Number.isSafeInteger(p.e))
      return null;
    return p as FeedTokenPayload;
  } catch {
    return null;
  }
}

/**
 * Checks a feed token for a board, as `verifyToken` checks a link (401 forged or malformed, 403
 * another board, expired, or revoked with every link); whether the feed itself was revoked is
 * the metrics store's to say. `generation` null: an open board, whose feeds only the store revokes.
 */
export function verifyFeedToken(
  secret: Buffer,
  token: string | null | undefined,
  boardId: string,
  generation: number | null,
  now = Date.now(),
): FeedTokenCheck {
  const signed = signedBody(secret, token);
  if (!signed.ok) return signed;
  const { body } = signed;
  const payload = parseFeedPayload(body);
  if (!payload) return { ok: false, status: 401, reason: 'not a feed token' };
  if (payload.b !== boardId) return { ok: false, status: 403, reason: 'token for another board' };
  if (payload.e !== 0 && payload.e <= now) return { ok: false, status: 403, reason: REFUSAL_EXPIRED };
  if (generation !== null && payload.g !== generation) return { ok: false, status: 403, reason: REFUSAL_REVOKED };
  return { ok: true, payload };
}

/** The relay's signing secret: generated on first start, kept in DATA_DIR/secret.key (mode 600). */
export function loadOrCreateSecret(dataDir: string): Buffer {
  const file = path.join(dataDir, 'secret.key');
  try {
    const hex = fs.readFileSync(file, 'utf8').trim();
    if (/^[0-9a-f]{64,}$/.test(hex)) return Buffer.from(hex, 'hex');
    throw new Error(`${file} is not a valid secret (64+ hex characters expected)`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32);
  // 'wx' fails if another process created it meanwhile: then read theirs.
  try {
    fs.writeFileSync(file, `${secret.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  }
}
