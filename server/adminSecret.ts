/**
 * The administrator secret: whoever holds it can list every board on the relay and mint a
 * facilitator link for any of them (see docs/operations.md, "The administrator page").
 * Generated on first start, kept in DATA_DIR/admin.key (mode 600); deleting the file and
 * restarting makes a new one.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const ADMIN_SECRET_FILE = 'admin.key';

/** 32 random bytes in base64url: easy to paste, 256 bits to guess. */
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43,}$/;

/** Longest secret compared: anything longer cannot be ours, and is not hashed. */
export const MAX_ADMIN_SECRET_LENGTH = 256;

export interface AdminSecret {
  /** Whether `given` is the secret, in time that does not depend on how much of it matches. */
  matches(given: string): boolean;
}

export interface LoadedAdminSecret {
  secret: AdminSecret;
  /** The secret's text, only when this start created it (to print once); null otherwise. */
  created: string | null;
  file: string;
}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Compares SHA-256 digests, so neither the secret's length nor its prefix shows in the timing. */
function secretOf(text: string): AdminSecret {
  const expected = digest(text);
  return { matches: (given) => given.length <= MAX_ADMIN_SECRET_LENGTH && timingSafeEqual(digest(given), expected) };
}

/** Reads DATA_DIR/admin.key, creating it (mode 600) on first start. */
export function loadOrCreateAdminSecret(dataDir: string): LoadedAdminSecret {
  const file = path.join(dataDir, ADMIN_SECRET_FILE);
  try {
    const text = fs.readFileSync(file, 'utf8').trim();
    if (!SECRET_PATTERN.test(text))
      throw new Error(`${file} is not a valid administrator secret (43+ base64url characters expected); delete it to make a new one`);
    return { secret: secretOf(text), created: null, file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const text = randomBytes(32).toString('base64url');
  try {
    // 'wx' fails if another process created it meanwhile: then read theirs.
    fs.writeFileSync(file, `${text}\n`, { mode: 0o600, flag: 'wx' });
    return { secret: secretOf(text), created: text, file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateAdminSecret(dataDir);
    throw error;
  }
}
