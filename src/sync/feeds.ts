/** A board's feed tokens, through the relay's API (docs/protocol.md, « KPI values and feeds »). */
import type { FeedInfo } from '../model/metrics';
import { MetricsError } from './metrics';

export type { FeedInfo };

async function call<T>(boardId: string, token: string | null, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/boards/${encodeURIComponent(boardId)}/feeds${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new MetricsError(0, 'offline');
  }
  const answer = (await res.json().catch(() => ({}))) as { error?: string } & T;
  if (!res.ok) throw new MetricsError(res.status, answer.error ?? res.statusText);
  return answer;
}

export const listFeeds = async (boardId: string, token: string | null) => (await call<{ feeds: FeedInfo[] }>(boardId, token, '')).feeds;

/** A new feed token; the token itself is given only here. */
export const createFeed = (boardId: string, token: string | null, label: string, expiresInDays: number) =>
  call<{ token: string; feed: FeedInfo }>(boardId, token, '', { label, expiresInDays });

export const revokeFeed = async (boardId: string, token: string | null, feedId: string) =>
  (await call<{ feeds: FeedInfo[] }>(boardId, token, `/${encodeURIComponent(feedId)}/revoke`, {})).feeds;
