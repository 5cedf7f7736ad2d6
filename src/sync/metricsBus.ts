/**
 * The relay's pushes of KPI values (message type 4), from the board's connection to whoever
 * shows the values. The connection only knows bytes; the metrics client only knows boards.
 */
import { MESSAGE_METRICS } from '../model/relayProtocol';

export { MESSAGE_METRICS };

type Listener = (json: string) => void;

const listeners = new Map<string, Set<Listener>>();

/** Hands a push received for `boardId` to its listeners. */
export function publishMetrics(boardId: string, json: string): void {
  for (const listener of listeners.get(boardId) ?? []) listener(json);
}

/** Listens to the pushes of one board. Returns the unsubscribe function. */
export function onMetricsPush(boardId: string, listener: Listener): () => void {
  const set = listeners.get(boardId) ?? new Set<Listener>();
  set.add(listener);
  listeners.set(boardId, set);
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(boardId);
  };
}
