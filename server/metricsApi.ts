/**
 * The KPI values of a board over HTTP: read a board's summary or one KPI's series (any role),
 * write values (a facilitator, or a feed token — which can do nothing else), delete one, undo a
 * batch, and manage the board's feed tokens. Values written are pushed at once to every open
 * copy of the board (message type 4, docs/protocol.md).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as encoding from 'lib0/encoding';
import { roots, str } from '../src/doc/schema';
import { isDay, isMetricSource, type MetricSource } from '../src/model/kpi';
import type { MetricsPush } from '../src/model/metrics';
import { ROW_REJECTION_TEXT, readMetricRows, type KpiRef } from '../src/model/metricsRows';
import { MESSAGE_METRICS } from '../src/model/relayProtocol';
import { FEED_ROLE, capabilitiesOf, type Role } from '../src/model/roles';
import { tokenOf, type AccessControl } from './access';
import { HttpError, expiryOf, readJson, sendJson } from './apiHttp';
import type { Logger } from './log';
import { readBody, rowsOfBody } from './metricsBody';
import type { MetricsStore } from './metricsStore';
import type { RoomRegistry } from './rooms';
import { signToken, verifyFeedToken } from './tokens';

export interface MetricsApiContext {
  access: AccessControl;
  rooms: RoomRegistry;
  log: Logger;
  metrics: MetricsStore;
}

/** Longest feed label kept. */
const FEED_LABEL_MAX = 80;

type Caller = { kind: Role } | { kind: typeof FEED_ROLE; feedId: string };

/** Who is calling: a feed token (checked against the live feeds), else a share link's role. */
async function callerOf(ctx: MetricsApiContext, req: IncomingMessage, boardId: string): Promise<Caller> {
  const token = tokenOf(req);
  const feed = verifyFeedToken(ctx.access.secret, token, boardId, await ctx.access.meta.generation(boardId));
  if (feed.ok) {
    if (!(await ctx.metrics.isFeedLive(boardId, feed.payload.k))) throw new HttpError(403, 'this feed token was revoked');
    return { kind: 'feed', feedId: feed.payload.k };
  }
  const decision = await ctx.access.check(boardId, token);
  if (!decision.ok) throw new HttpError(decision.status, decision.reason);
  return { kind: decision.role };
}

async function requireReader(ctx: MetricsApiContext, req: IncomingMessage, boardId: string): Promise<void> {
  const caller = await callerOf(ctx, req, boardId);
  if (caller.kind === FEED_ROLE) throw new HttpError(403, 'a feed token only writes metric values');
}

async function requireFacilitator(ctx: MetricsApiContext, req: IncomingMessage, boardId: string): Promise<void> {
  const caller = await callerOf(ctx, req, boardId);
  if (caller.kind === FEED_ROLE) throw new HttpError(403, 'a feed token only writes metric values');
  if (!capabilitiesOf(caller.kind).canFacilitate) throw new HttpError(403, 'facilitators only');
}

/** The board's KPIs as rows may name them, read from its document as the relay holds it. */
async function kpiRefs(ctx: MetricsApiContext, boardId: string): Promise<KpiRef[]> {
  const doc = (await ctx.rooms.committedRoom(boardId)).doc;
  const r = roots(doc);
  const refs: KpiRef[] = [];
  r.kpis.forEach((kpi, id) => {
    if (typeof kpi?.get !== 'function') return;
    const stage = r.stages.get(str(kpi, 'stageId'));
    refs.push({ id, name: str(kpi, 'name'), stageName: stage && typeof stage.get === 'function' ? str(stage, 'name') : '' });
  });
  return refs;
}

/** Tells every open copy of the board the new summaries of the KPIs that changed. */
async function push(ctx: MetricsApiContext, boardId: string, kpiIds: readonly string[]): Promise<void> {
  const room = ctx.rooms.peek(boardId);
  if (!room || room.connectionCount === 0 || kpiIds.length === 0) return;
  const summaries = await ctx.metrics.summary(boardId, kpiIds);
  const message: MetricsPush = { summaries, emptied: kpiIds.filter((id) => !summaries[id]) };
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_METRICS);
  encoding.writeVarString(encoder, JSON.stringify(message));
  room.notify(encoding.toUint8Array(encoder));
}

/** `?at=` (ms since the epoch): the values as they were then (a version). */
function atOf(req: IncomingMessage): number | undefined {
  const raw = new URL(req.url ?? '/', 'http://relay').searchParams.get('at');
  if (raw === null) return undefined;
  if (!/^\d{1,15}$/.test(raw)) throw new HttpError(400, 'at must be a time in ms since the epoch');
  return Number(raw);
}

function sourceOf(req: IncomingMessage): MetricSource {
  const raw = new URL(req.url ?? '/', 'http://relay').searchParams.get('source') ?? 'typed';
  if (!isMetricSource(raw) || raw === 'feed') throw new HttpError(400, 'source must be typed, file or crm');
  return raw;
}

async function writeValues(ctx: MetricsApiContext, req: IncomingMessage, res: ServerResponse, boardId: string): Promise<void> {
  // Who first: a caller without the right learns nothing about the board from its body.
  const caller = await callerOf(ctx, req, boardId);
  if (caller.kind !== FEED_ROLE && !capabilitiesOf(caller.kind).canFacilitate)
    throw new HttpError(403, 'only a facilitator or a feed token writes metric values');
  const source = caller.kind === FEED_ROLE ? 'feed' : sourceOf(req);
  const rows = rowsOfBody(await readBody(req), req.headers['content-type']);
  const { values, rejected } = readMetricRows(rows, await kpiRefs(ctx, boardId));
  if (rejected.length > 0) {
    sendJson(res, 422, {
      error: `${rejected.length} of ${rows.length} values refused: nothing was written`,
      rejected: rejected.slice(0, 100).map((r) => ({ ...r, message: ROW_REJECTION_TEXT[r.reason] })),
      rejectedCount: rejected.length,
    });
    return;
  }
  const result = await ctx.metrics.write(boardId, values, source);
  ctx.log.info('wrote metric values', { board: boardId, source, ...result });
  sendJson(res, 200, result);
  await push(ctx, boardId, [...new Set(values.map((v) => v.kpiId))]);
}

async function feeds(ctx: MetricsApiContext, req: IncomingMessage, res: ServerResponse, boardId: string, rest: string[]): Promise<void> {
  const method = req.method ?? 'GET';
  await requireFacilitator(ctx, req, boardId);
  if (rest.length === 0 && method === 'GET') return sendJson(res, 200, { feeds: await ctx.metrics.listFeeds(boardId) });
  if (rest.length === 0 && method === 'POST') {
    const body = await readJson(req);
    const label = typeof body.label === 'string' ? body.label.trim().slice(0, FEED_LABEL_MAX) : '';
    const expiresAt = expiryOf(body);
    const feed = await ctx.metrics.addFeed(boardId, label, expiresAt);
    const token = signToken(ctx.access.secret, {
      b: boardId,
      r: FEED_ROLE,
      g: (await ctx.access.meta.generation(boardId)) ?? 0,
      e: expiresAt,
      k: feed.id,
    });
    ctx.log.info('created a feed token', { board: boardId, feed: feed.id });
    return sendJson(res, 201, { token, feed });
  }
  if (rest.length === 2 && rest[1] === 'revoke' && method === 'POST') {
    if (!(await ctx.metrics.revokeFeed(boardId, rest[0] ?? ''))) throw new HttpError(404, 'no such feed');
    ctx.log.info('revoked a feed token', { board: boardId, feed: rest[0] });
    return sendJson(res, 200, { feeds: await ctx.metrics.listFeeds(boardId) });
  }
  throw new HttpError(404, 'not found');
}

/** Handles /api/boards/<id>/metrics… and /api/boards/<id>/feeds…; `rest` is the path after the board id. */
export async function handleMetrics(
  ctx: MetricsApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  boardId: string,
  rest: string[],
): Promise<void> {
  const method = req.method ?? 'GET';
  if (rest[0] === 'feeds') return feeds(ctx, req, res, boardId, rest.slice(1));
  const [, kpiId, date] = rest;
  if (rest.length === 1 && method === 'GET') {
    await requireReader(ctx, req, boardId);
    // ?series=all: every value of every KPI (a board file's export), else the summary.
    if (new URL(req.url ?? '/', 'http://relay').searchParams.get('series') === 'all')
      return sendJson(res, 200, { series: await ctx.metrics.allSeries(boardId, atOf(req)) });
    return sendJson(res, 200, { summary: await ctx.metrics.summary(boardId, undefined, atOf(req)) });
  }
  if (rest.length === 1 && method === 'POST') return writeValues(ctx, req, res, boardId);
  if (rest.length === 2 && kpiId === 'undo' && method === 'POST') {
    await requireFacilitator(ctx, req, boardId);
    const body = await readJson(req);
    if (typeof body.batch !== 'string' || !body.batch) throw new HttpError(400, 'batch required');
    const changed = await ctx.metrics.revert(boardId, body.batch);
    sendJson(res, 200, { changed: changed.length });
    await push(ctx, boardId, changed);
    return;
  }
  if (rest.length === 2 && method === 'GET') {
    await requireReader(ctx, req, boardId);
    return sendJson(res, 200, { kpiId, series: await ctx.metrics.series(boardId, kpiId!, atOf(req)) });
  }
  if (rest.length === 3 && method === 'DELETE') {
    await requireFacilitator(ctx, req, boardId);
    if (!isDay(date)) throw new HttpError(400, 'the date must be a day YYYY-MM-DD');
    const batch = await ctx.metrics.remove(boardId, kpiId!, date);
    if (!batch) throw new HttpError(404, 'no value that day');
    sendJson(res, 200, { batch });
    await push(ctx, boardId, [kpiId!]);
    return;
  }
  throw new HttpError(404, 'not found');
}
