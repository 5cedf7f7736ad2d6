/**
 * The relay's administrator API, for the /admin page: every board on the relay, and a
 * facilitator link for any of them. The secret travels in the Authorization header only and is
 * kept in this tab's sessionStorage at most, never in an address.
 */
import { AccessError, OfflineError } from './access';

const SECRET_KEY = 'parcours.adminSecret';

/** A board as the administrator's list shows it. */
export interface AdminBoard {
  boardId: string;
  title: string;
  /** Time of its last stored change (ms since the epoch). */
  lastActivity: number;
  /** Bytes it takes in storage. */
  bytes: number;
  /** Protected by share links (false: an open board, its address alone opens it). */
  protected: boolean;
}

export interface AdminBoardPage {
  boards: AdminBoard[];
  /** Where the next page starts; null on the last page. */
  next: string | null;
}

/** A refusal of the administrator API; `retryAfterSeconds` is set when the address must wait (429). */
export class AdminError extends AccessError {
  constructor(
    status: number,
    message: string,
    readonly retryAfterSeconds = 0,
  ) {
    super(status, message);
    this.name = 'AdminError';
  }
}

/** The secret this tab was given, if any. */
export function heldAdminSecret(storage: Storage | undefined = globalThis.sessionStorage): string | null {
  return storage?.getItem(SECRET_KEY) ?? null;
}

/** Keeps (or, with null, forgets) the secret for this tab only. */
export function holdAdminSecret(secret: string | null, storage: Storage | undefined = globalThis.sessionStorage): void {
  if (secret === null) storage?.removeItem(SECRET_KEY);
  else storage?.setItem(SECRET_KEY, secret);
}

async function adminCall<T>(secret: string, path: string, method = 'GET', body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: { Authorization: `Bearer ${secret}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new OfflineError();
  }
  if (!res.ok) {
    const answer = (await res.json().catch(() => ({}))) as { error?: string };
    throw new AdminError(res.status, answer.error ?? res.statusText, Number(res.headers.get('Retry-After')) || 0);
  }
  return (await res.json()) as T;
}

/** One page of the relay's boards, most recently active first; `after` is the previous page's `next`. */
export function listAdminBoards(secret: string, after: string | null = null): Promise<AdminBoardPage> {
  return adminCall(secret, `/api/admin/boards${after ? `?after=${encodeURIComponent(after)}` : ''}`);
}

/** A new facilitator link's token for `boardId`, valid `days` days. */
export async function mintAdminLink(secret: string, boardId: string, days: number): Promise<{ token: string; expiresAt: number }> {
  return adminCall(secret, `/api/admin/boards/${encodeURIComponent(boardId)}/links`, 'POST', { expiresInDays: days });
}
