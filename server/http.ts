/** Plain HTTP: health check, per-address API limits, method policy, and the static SPA. */
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { handleApi, isApiPath, type ApiContext } from './api';
import { sendJson } from './apiHttp';
import { addressKey, clientAddress } from './clientAddress';
import type { IpLimits, IpVerdict } from './ipLimits';
import type { Logger } from './log';
import type { RoomRegistry } from './rooms';
import { serveStatic } from './static';
import { SYNC_PATH_PREFIX } from './upgrade';

export interface HttpContext {
  /** Absolute path of the built SPA. */
  staticDir: string;
  rooms: RoomRegistry;
  log: Logger;
  /** Date.now() when the server started. */
  startedAt: number;
  /** The JSON API (boards, links, versions); absent: no API. */
  api?: ApiContext;
  /** Per-address request and new-board budgets; absent: none. */
  ipLimits?: IpLimits;
  /** Trusted reverse proxies (see clientAddress). */
  trustProxy?: number;
  /** What /healthz asks whether it answers; absent: an embedded store, always there. */
  health?: HealthSources;
}

/** What GET /healthz checks: the board store and, when clustered, Redis. */
export interface HealthSources {
  store: {
    /** 'sqlite' or 'postgres' (absent: SQLite). */
    readonly kind?: string;
    /** Whether it answers now; absent: a store in this process, asked one indexed read. */
    healthy?(): boolean | Promise<boolean>;
    maxSeq?(boardId: string): unknown;
  };
  cluster?: { readonly instanceId: string; redisHealthy(): Promise<boolean> };
}

/** The body of GET /healthz (the same with 200 and 503). */
export interface HealthReport {
  /** ok: everything answers; degraded: Redis does not (the instance still serves its boards); down: storage does not (503). */
  status: 'ok' | 'degraded' | 'down';
  rooms: number;
  connections: number;
  uptimeSeconds: number;
  storage: { kind: 'sqlite' | 'postgres'; ok: boolean };
  /** Only on an instance of a cluster (REDIS_URL). */
  redis?: { ok: boolean; instance: string };
}

/** Longest a /healthz check may take: a hung database or Redis answers `ok: false`, never a hung request. */
export const HEALTH_CHECK_TIMEOUT_MS = 1000;

/** Runs one check within HEALTH_CHECK_TIMEOUT_MS; a throw, a false or a timeout is false. */
async function bounded(check: () => boolean | Promise<boolean>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), HEALTH_CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([Promise.resolve().then(check), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

async function healthReport(ctx: HttpContext): Promise<HealthReport> {
  const store = ctx.health?.store;
  const storeCheck = (): boolean | Promise<boolean> => {
    if (!store) return true;
    if (store.healthy) return store.healthy();
    // One indexed lookup of a board that does not exist: a closed or broken SQLite file throws here.
    const read = store.maxSeq?.('healthz');
    return read instanceof Promise ? read.then(() => true) : true;
  };
  const cluster = ctx.health?.cluster;
  const [storageOk, redisOk] = await Promise.all([bounded(storeCheck), cluster ? bounded(() => cluster.redisHealthy()) : undefined]);
  const report: HealthReport = {
    status: !storageOk ? 'down' : redisOk === false ? 'degraded' : 'ok',
    rooms: ctx.rooms.size,
    connections: ctx.rooms.connectionCount,
    uptimeSeconds: Math.floor((Date.now() - ctx.startedAt) / 1000),
    storage: { kind: store?.kind === 'postgres' ? 'postgres' : 'sqlite', ok: storageOk },
  };
  if (cluster) report.redis = { ok: redisOk === true, instance: cluster.instanceId };
  return report;
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(`${text}\n`);
}

/** POST /api/boards/<id>/versions: a facilitator saves a named version, a stored copy of the board. */
const SAVE_VERSION = /^\/api\/boards\/[^/]+\/versions$/;

/**
 * Charges an API request to its address: one request, plus one new board for POST /api/boards
 * and one saved version for a named version. Answers 429 (in the API's `{error}` style, with Retry-After) and returns false when over budget.
 */
function withinBudget(ctx: HttpContext, req: IncomingMessage, res: ServerResponse, apiPath: string): boolean {
  const limits = ctx.ipLimits;
  if (!limits) return true;
  const address = addressKey(clientAddress(req, ctx.trustProxy ?? 0));
  const refuse = (verdict: IpVerdict & { ok: false }, what: string): false => {
    if (verdict.firstRefusal)
      ctx.log.warn(`refusing ${what} over the per-address limit`, { address, retryAfter: verdict.retryAfterSeconds });
    sendJson(
      res,
      429,
      { error: `too many ${what} from this address` },
      { 'Retry-After': String(verdict.retryAfterSeconds) },
      req.method === 'HEAD',
    );
    return false;
  };
  const request = limits.takeRequest(address);
  if (!request.ok) return refuse(request, 'requests');
  if (req.method === 'POST' && apiPath === '/api/boards') {
    const board = limits.takeNewBoard(address);
    if (!board.ok) return refuse(board, 'new boards');
  }
  if (req.method === 'POST' && SAVE_VERSION.test(apiPath)) {
    const version = limits.takeNewVersion(address);
    if (!version.ok) return refuse(version, 'saved versions');
  }
  return true;
}

async function route(ctx: HttpContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  const apiPath = (req.url ?? '/').split(/[?#]/, 1)[0] || '/';
  if (apiPath.startsWith('/api/') && !withinBudget(ctx, req, res, apiPath)) return;
  if (ctx.api && isApiPath(apiPath) && (await handleApi(ctx.api, req, res, apiPath))) return;
  if (method !== 'GET' && method !== 'HEAD') {
    sendText(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
    return;
  }
  const headOnly = method === 'HEAD';
  const pathname = (req.url ?? '/').split(/[?#]/, 1)[0] || '/';
  if (pathname === '/healthz') {
    const report = await healthReport(ctx);
    sendJson(res, report.storage.ok ? 200 : 503, report, {}, headOnly);
    return;
  }
  if (pathname === '/api/time') {
    // The relay's clock: workshop timers count against it, so every machine shows the same time.
    sendJson(res, 200, { now: Date.now() }, {}, headOnly);
    return;
  }
  if (pathname.startsWith(SYNC_PATH_PREFIX)) {
    // A plain GET on the websocket endpoint: say so instead of serving the SPA.
    sendText(res, 426, 'This is a websocket endpoint', { Upgrade: 'websocket', Connection: 'Upgrade' });
    return;
  }
  await serveStatic(ctx.staticDir, pathname, req, res);
}

/** Creates the http server's request listener; a failure answers 500 and never escapes. */
export function createRequestHandler(ctx: HttpContext): RequestListener {
  return (req, res) => {
    route(ctx, req, res).catch((error: unknown) => {
      ctx.log.error('request failed', { url: req.url, error: String(error) });
      if (!res.headersSent) sendText(res, 500, 'Internal Server Error');
      else res.destroy();
    });
  };
}

/**
 * Caps the TCP sockets one address may hold open (slowloris: each lives until the headers
 * timeout, but nothing else stopped one machine from opening thousands). Over it the socket is
 * closed before a byte is read. Only without proxies: behind one, every socket is the proxy's.
 */
export function limitSocketsPerAddress(server: Server, limits: IpLimits, log: Logger): void {
  server.on('connection', (socket) => {
    const address = addressKey(socket.remoteAddress ?? '');
    const slot = limits.openSocket(address);
    if (!slot.ok) {
      if (slot.firstRefusal) log.warn('refusing sockets over the per-address limit', { address });
      socket.destroy();
      return;
    }
    socket.once('close', slot.release);
  });
}
