/** Access control for websocket connections. */
import type { IncomingMessage } from 'node:http';

/**
 * Decides whether an upgrade request may join `boardId`. Called after the board id was
 * validated and before the board is loaded.
 *
 * Today every board is open to anyone who knows its (unguessable) id, so this allows all.
 * When access tokens arrive, check `?token=` from `req.url` here and return false to refuse
 * (the caller answers 403).
 */
export function authorizeUpgrade(_req: IncomingMessage, _boardId: string): boolean {
  return true;
}
