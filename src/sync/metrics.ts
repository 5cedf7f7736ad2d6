/**
 * A board's KPI values as this page sees them: the summary of every KPI (read once, then kept
 * up to date by the relay's pushes and re-read after a reconnection), a KPI's whole series on
 * demand, and the writes a facilitator makes. One client per board session.
 */
import type { MetricSource } from '../model/kpi';
import type { MetricInput, MetricPoint, MetricsPush, MetricsSummary } from '../model/metrics';
import type { RejectedRow } from '../model/metricsRows';
import { capabilitiesOf } from '../model/roles';
import type { BoardSession } from './boardSession';
import { onMetricsPush } from './metricsBus';
import { moveTypedValues } from './metricsLegacy';

export type MetricsStatus = 'loading' | 'ready' | 'offline';

export interface WriteResult {
  batch: string;
  inserted: number;
  updated: number;
  unchanged: number;
}

/** A write the relay refused: `rejected` lists the rows (422), else `status` says why. */
export class MetricsError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly rejected: RejectedRow[] = [],
  ) {
    super(message);
    this.name = 'MetricsError';
  }
}

export interface MetricsState {
  status: MetricsStatus;
  summary: MetricsSummary;
  /** Bumped for a KPI whenever its values change: an open series reads itself again. */
  revisions: Record<string, number>;
}

export interface MetricsClient {
  getState(): MetricsState;
  subscribe(onChange: () => void): () => void;
  /** One KPI's whole series, oldest first. */
  series(kpiId: string): Promise<MetricPoint[]>;
  /** Every KPI's whole series, by KPI id (a board file's export). */
  allSeries(): Promise<Record<string, MetricPoint[]>>;
  write(values: readonly MetricInput[], source: Exclude<MetricSource, 'feed'>): Promise<WriteResult>;
  remove(kpiId: string, date: string): Promise<string>;
  undo(batch: string): Promise<void>;
  /** Takes a push of the relay (or of a test). */
  receive(push: MetricsPush): void;
  /** Reads the summary again. */
  refresh(): Promise<void>;
  destroy(): void;
}

export interface HttpMetricsOptions {
  boardId: string;
  token: string | null;
  /** The values as they were at this moment (a saved version): read-only. */
  at?: number;
  fetch?: typeof fetch;
}

/** A client over the relay's API (docs/protocol.md, « KPI values and feeds »). */
export function createHttpMetrics(options: HttpMetricsOptions): MetricsClient {
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const base = `/api/boards/${encodeURIComponent(options.boardId)}/metrics`;
  const at = options.at === undefined ? '' : `?at=${options.at}`;
  const headers = (json: boolean): Record<string, string> => ({
    ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
    ...(json ? { 'Content-Type': 'application/json' } : {}),
  });
  async function call<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
    let res: Response;
    try {
      res = await doFetch(path, {
        method: init.method ?? 'GET',
        headers: headers(init.body !== undefined),
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
    } catch {
      throw new MetricsError(0, 'offline');
    }
    const body = (await res.json().catch(() => ({}))) as { error?: string; rejected?: RejectedRow[] } & T;
    if (!res.ok) throw new MetricsError(res.status, body.error ?? res.statusText, body.rejected ?? []);
    return body;
  }
  const store = createMetricsState();
  const refresh = async () => {
    try {
      const { summary } = await call<{ summary: MetricsSummary }>(`${base}${at}`);
      store.replace(summary);
    } catch {
      store.setStatus('offline');
    }
  };
  void refresh();
  const stopPushes = options.at === undefined ? onMetricsPush(options.boardId, (json) => store.receiveJson(json)) : () => {};
  return {
    getState: store.getState,
    subscribe: store.subscribe,
    receive: store.receive,
    refresh,
    series: async (kpiId) => (await call<{ series: MetricPoint[] }>(`${base}/${encodeURIComponent(kpiId)}${at}`)).series,
    allSeries: async () =>
      (await call<{ series: Record<string, MetricPoint[]> }>(`${base}?series=all${at ? `&${at.slice(1)}` : ''}`)).series,
    write: (values, source) =>
      call<WriteResult>(`${base}?source=${source}`, {
        method: 'POST',
        body: { values: values.map((v) => ({ kpi: v.kpiId, date: v.date, value: v.value })) },
      }),
    remove: async (kpiId, date) =>
      (await call<{ batch: string }>(`${base}/${encodeURIComponent(kpiId)}/${date}`, { method: 'DELETE' })).batch,
    undo: async (batch) => {
      await call(`${base}/undo`, { method: 'POST', body: { batch } });
    },
    destroy: stopPushes,
  };
}

/** The state and listeners shared by every client: summaries replaced as pushes arrive. */
export function createMetricsState(initial: MetricsSummary | null = null) {
  let state: MetricsState = { status: initial ? 'ready' : 'loading', summary: initial ?? {}, revisions: {} };
  const listeners = new Set<() => void>();
  const set = (next: MetricsState) => {
    state = next;
    for (const l of listeners) l();
  };
  const bump = (ids: Iterable<string>) => {
    const revisions = { ...state.revisions };
    for (const id of ids) revisions[id] = (revisions[id] ?? 0) + 1;
    return revisions;
  };
  const receive = (push: MetricsPush) => {
    const summary = { ...state.summary, ...push.summaries };
    for (const id of push.emptied) delete summary[id];
    set({ status: 'ready', summary, revisions: bump([...Object.keys(push.summaries), ...push.emptied]) });
  };
  return {
    getState: () => state,
    subscribe(onChange: () => void) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    replace: (summary: MetricsSummary) =>
      set({ status: 'ready', summary, revisions: bump(new Set([...Object.keys(summary), ...Object.keys(state.summary)])) }),
    setStatus: (status: MetricsStatus) => set({ ...state, status }),
    receive,
    receiveJson(json: string) {
      try {
        const push = JSON.parse(json) as MetricsPush;
        if (push && typeof push.summaries === 'object' && Array.isArray(push.emptied)) receive(push);
      } catch {
        // A push that does not parse is dropped: the next reconnection reads the summary again.
      }
    },
  };
}

const clients = new WeakMap<BoardSession, MetricsClient>();

/** The metrics client of a board session, made on first use. */
export function metricsOf(session: BoardSession): MetricsClient {
  let client = clients.get(session);
  if (!client) {
    const made = createHttpMetrics({ boardId: session.boardId, token: session.token });
    clients.set(session, made);
    followConnection(session, made);
    client = made;
  }
  return client;
}

/**
 * Pushes missed while the connection was down are read again when it comes back; and once the
 * board is received, a facilitator's copy moves the values typed before KPIs had a history.
 */
function followConnection(session: BoardSession, client: MetricsClient): void {
  let wasConnected = session.connection.getState().status === 'connected';
  let moved = false;
  const check = () => {
    const state = session.connection.getState();
    const connected = state.status === 'connected';
    if (connected && !wasConnected) void client.refresh();
    wasConnected = connected;
    if (!moved && state.synced && capabilitiesOf(session.role).canFacilitate) {
      moved = true;
      void moveTypedValues(session.doc, client);
    }
  };
  const stop = session.connection.subscribe(check);
  check();
  const destroy = client.destroy;
  client.destroy = () => {
    stop();
    destroy();
  };
}

/** Gives a session its metrics client (a saved version's, or a test's). */
export function provideMetrics(session: BoardSession, client: MetricsClient): void {
  clients.get(session)?.destroy();
  clients.set(session, client);
}
