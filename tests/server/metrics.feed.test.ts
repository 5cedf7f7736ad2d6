import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { addKpi, deleteKpi, initBoard, renameBoard } from '../../src/doc/commands';
import { readBoard } from '../../src/doc/projection';
import { defaultBoard } from '../../src/model/defaults';
import type { MetricsPush } from '../../src/model/metrics';
import { MESSAGE_METRICS, NEWS_METRICS, NEWS_PARAM } from '../../src/model/relayProtocol';
import { relayForFile } from '../helpers/relayForFile';
import { connectClient, upgradeStatus, waitFor } from '../helpers/relay';

const relay = relayForFile();

type Json = Record<string, unknown>;

async function api(pathname: string, init: { method?: string; token?: string; body?: unknown; raw?: BodyInit; type?: string } = {}) {
  const headers: Record<string, string> = { ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}) };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  if (init.type) headers['Content-Type'] = init.type;
  const res = await fetch(`${relay.httpUrl}${pathname}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.raw ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Json };
}

/** A board with two KPIs, its facilitator connected, a feed token, a participant and a viewer link. */
async function boardWithKpis() {
  const created = await api('/api/boards', { method: 'POST' });
  const { boardId, token } = created.body as { boardId: string; token: string };
  const facilitator = connectClient(relay.wsUrl, boardId, new Y.Doc(), { token, [NEWS_PARAM]: NEWS_METRICS });
  await facilitator.synced;
  const { journeyId } = initBoard(facilitator.doc, defaultBoard('fr'))!;
  const stages = readBoard(facilitator.doc).stages;
  const nps = addKpi(facilitator.doc, journeyId, stages[3]!.id, { name: 'NPS', target: '40', unit: 'pts' });
  const conversion = addKpi(facilitator.doc, journeyId, stages[2]!.id, { name: 'Taux de conversion', target: '3', unit: '%' });
  const link = async (role: string) =>
    ((await api(`/api/boards/${boardId}/links`, { method: 'POST', token, body: { role } })).body as { token: string }).token;
  const participant = await link('participant');
  const viewer = await link('viewer');
  const feed = (await api(`/api/boards/${boardId}/feeds`, { method: 'POST', token, body: { label: 'CRM nightly', expiresInDays: 30 } }))
    .body as { token: string; feed: { id: string } };
  // The relay judges names against its own copy of the board.
  await waitFor(() => relay.server.rooms.peek(boardId)?.doc.getMap('kpis').size === 2);
  return { boardId, token, facilitator, nps, conversion, participant, viewer, feedToken: feed.token, feedId: feed.feed.id, stages };
}

const summaryOf = async (boardId: string, token: string) =>
  (await api(`/api/boards/${boardId}/metrics`, { token })).body.summary as Record<
    string,
    { count: number; recent: { date: string; value: number; source: string }[] }
  >;

describe('the metrics feed', () => {
  it('takes JSON lines and CSV from a feed token, idempotent on (kpi, date), and an open board sees them live', async () => {
    const b = await boardWithKpis();
    const pushes: MetricsPush[] = [];
    b.facilitator.provider.messageHandlers[MESSAGE_METRICS] = (_encoder, decoder) => {
      pushes.push(JSON.parse(decoding.readVarString(decoder)) as MetricsPush);
    };
    // A stock provider that did not ask for the relay's news: it must never get a message it cannot read.
    const stock = connectClient(relay.wsUrl, b.boardId, new Y.Doc(), { token: b.token });
    await stock.synced;
    const stockTypes: number[] = [];
    stock.provider.ws!.addEventListener('message', (event: MessageEvent) => {
      stockTypes.push(new Uint8Array(event.data as ArrayBuffer)[0]!);
    });
    const lines = [
      JSON.stringify({ kpi: 'NPS', date: '2025-01-31', value: 31 }),
      JSON.stringify({ kpi: b.nps, date: '2025-02-28', value: '33,5' }),
      JSON.stringify({ kpi: 'taux de conversion', stage: 'Achat', date: '31/01/2025', value: 2.1 }),
    ].join('\n');
    const first = await api(`/api/boards/${b.boardId}/metrics`, {
      method: 'POST',
      token: b.feedToken,
      raw: lines,
      type: 'application/x-ndjson',
    });
    expect(first).toMatchObject({ status: 200, body: { inserted: 3, updated: 0, unchanged: 0 } });
    await waitFor(() => pushes.length === 1, 5000, 'the push to the open board');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stockTypes).not.toContain(MESSAGE_METRICS);
    expect(pushes[0]!.summaries[b.nps]!.recent.map((p) => [p.date, p.value, p.source])).toEqual([
      ['2025-01-31', 31, 'feed'],
      ['2025-02-28', 33.5, 'feed'],
    ]);
    // The nightly job sends the same again, and one corrected value, as CSV with French separators.
    const again = await api(`/api/boards/${b.boardId}/metrics`, {
      method: 'POST',
      token: b.feedToken,
      raw: lines,
      type: 'application/x-ndjson',
    });
    expect(again.body).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    const csv = '\uFEFFdate;étape;indicateur;valeur\n28/02/2025;Usage & fidélisation;NPS;34,5\n';
    const fixed = await api(`/api/boards/${b.boardId}/metrics`, { method: 'POST', token: b.feedToken, raw: csv, type: 'text/csv' });
    expect(fixed.body).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
    const summary = await summaryOf(b.boardId, b.token);
    expect(summary[b.nps]).toMatchObject({ count: 2, recent: [{ value: 31 }, { value: 34.5 }] });
    expect(summary[b.conversion]!.recent).toEqual([{ date: '2025-01-31', value: 2.1, source: 'feed' }]);
    expect(stockTypes).not.toContain(MESSAGE_METRICS);
  });

  it('lets a feed token write values and nothing else', async () => {
    const b = await boardWithKpis();
    const other = await boardWithKpis();
    const ws = (boardId: string, token: string) => `${relay.wsUrl}/${boardId}?token=${encodeURIComponent(token)}`;
    expect(await upgradeStatus(ws(b.boardId, b.feedToken))).toBe(403);
    for (const [path, method, body] of [
      [`/api/boards/${b.boardId}/metrics`, 'GET', undefined],
      [`/api/boards/${b.boardId}/metrics/${b.nps}`, 'GET', undefined],
      [`/api/boards/${b.boardId}/access`, 'GET', undefined],
      [`/api/boards/${b.boardId}/links`, 'POST', { role: 'facilitator' }],
      [`/api/boards/${b.boardId}/revoke`, 'POST', {}],
      [`/api/boards/${b.boardId}/versions`, 'POST', { name: 'v1' }],
      [`/api/boards/${b.boardId}/versions`, 'GET', undefined],
      [`/api/boards/${b.boardId}/feeds`, 'POST', { label: 'more' }],
      [`/api/boards/${b.boardId}/metrics/undo`, 'POST', { batch: 'x' }],
    ] as const) {
      const res = await api(path, { method, token: b.feedToken, body });
      expect([path, method, res.status]).toEqual([path, method, 403]);
    }
    const value = JSON.stringify({ kpi: 'NPS', date: '2025-01-31', value: 1 });
    expect((await api(`/api/boards/${other.boardId}/metrics`, { method: 'POST', token: b.feedToken, raw: value })).status).toBe(403);
    expect((await api(`/api/boards/${b.boardId}/metrics`, { method: 'POST', token: b.viewer, raw: value })).status).toBe(403);
    expect((await api(`/api/boards/${b.boardId}/metrics`, { method: 'POST', token: b.participant, raw: value })).status).toBe(403);
    expect((await api(`/api/boards/${b.boardId}/metrics`, { method: 'POST', token: other.token, raw: value })).status).toBe(403);
    expect((await api(`/api/boards/${b.boardId}/metrics`, { method: 'POST', raw: value })).status).toBe(401);
    // The board itself is untouched, and so are the values.
    renameBoard(b.facilitator.doc, 'Toujours là');
    expect(readBoard(b.facilitator.doc).kpis).toHaveLength(2);
    expect(await summaryOf(b.boardId, b.token)).toEqual({});
    // Revoked, the token writes nothing more.
    expect((await api(`/api/boards/${b.boardId}/feeds/${b.feedId}/revoke`, { method: 'POST', token: b.token })).status).toBe(200);
    expect((await api(`/api/boards/${b.boardId}/metrics`, { method: 'POST', token: b.feedToken, raw: value })).status).toBe(403);
    expect((await api(`/api/boards/${b.boardId}/feeds`, { token: b.token })).body.feeds).toMatchObject([
      { id: b.feedId, label: 'CRM nightly', revokedAt: expect.any(Number) },
    ]);
  });

  it('refuses whole calls that are too big, binary, or name a deleted KPI, and writes nothing', async () => {
    const b = await boardWithKpis();
    const post = (raw: BodyInit, type?: string) =>
      api(`/api/boards/${b.boardId}/metrics`, { method: 'POST', token: b.feedToken, raw, type });
    const day = (i: number) => new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const tenThousand = Array.from({ length: 10_000 }, (_, i) => JSON.stringify({ kpi: b.nps, date: day(i), value: i })).join('\n');
    const many = await post(tenThousand);
    expect(many.status).toBe(413);
    expect(String(many.body.error)).toMatch(/5000/);
    const huge = await post(new Uint8Array(50 * 1024 * 1024).fill(0x41), 'text/csv');
    expect(huge.status).toBe(413);
    const binary = await post(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14, 0]), 'text/csv');
    expect(binary).toMatchObject({ status: 415, body: { error: expect.stringMatching(/binary/) } });
    deleteKpi(b.facilitator.doc, b.conversion);
    await waitFor(() => relay.server.rooms.peek(b.boardId)?.doc.getMap('kpis').size === 1);
    const mixed = [
      JSON.stringify({ kpi: b.nps, date: '2025-01-31', value: 31 }),
      JSON.stringify({ kpi: b.conversion, date: '2025-01-31', value: 2 }),
      'not json',
      JSON.stringify({ kpi: b.nps, date: '2025-01-31', value: 32 }),
      JSON.stringify({ kpi: b.nps, date: '2025-13-01', value: 32 }),
    ].join('\n');
    const refused = await post(mixed);
    expect(refused.status).toBe(422);
    expect(refused.body.rejected).toEqual([
      { line: 2, reason: 'kpi-unknown', message: expect.stringMatching(/deleted/) },
      { line: 3, reason: 'not-an-object', message: expect.any(String) },
      { line: 4, reason: 'duplicate', message: expect.any(String) },
      { line: 5, reason: 'date-invalid', message: expect.any(String) },
    ]);
    expect(await summaryOf(b.boardId, b.token)).toEqual({});
    const noColumns = await post('jour;combien\n2025-01-01;3\n', 'text/csv');
    expect(noColumns).toMatchObject({ status: 400, body: { error: expect.stringMatching(/date, kpi and value/) } });
  });

  it('undoes a batch, deletes one value, and reads the values as they were at a moment', async () => {
    const b = await boardWithKpis();
    const write = (values: unknown[], source = 'file') =>
      api(`/api/boards/${b.boardId}/metrics?source=${source}`, { method: 'POST', token: b.token, body: { values } });
    await write([{ kpi: b.nps, date: '2025-01-31', value: 30 }], 'typed');
    const before = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const imported = await write([
      { kpi: b.nps, date: '2025-01-31', value: 31 },
      { kpi: b.nps, date: '2025-02-28', value: 35 },
    ]);
    expect(imported.body).toMatchObject({ inserted: 1, updated: 1 });
    const series = async (at?: number) =>
      (
        (await api(`/api/boards/${b.boardId}/metrics/${b.nps}${at ? `?at=${at}` : ''}`, { token: b.viewer })).body.series as {
          value: number;
        }[]
      ).map((p) => p.value);
    expect(await series()).toEqual([31, 35]);
    expect(await series(before)).toEqual([30]);
    // Every series at once, for a board file.
    const all = (await api(`/api/boards/${b.boardId}/metrics?series=all`, { token: b.viewer })).body.series as Record<
      string,
      { value: number; source: string }[]
    >;
    expect(all).toEqual({
      [b.nps]: [
        { date: '2025-01-31', value: 31, source: 'file' },
        { date: '2025-02-28', value: 35, source: 'file' },
      ],
    });
    expect((await api(`/api/boards/${b.boardId}/metrics?series=all`, { token: b.feedToken })).status).toBe(403);
    expect(
      (await api(`/api/boards/${b.boardId}/metrics/undo`, { method: 'POST', token: b.token, body: { batch: imported.body.batch } })).body,
    ).toEqual({ changed: 1 });
    expect(await series()).toEqual([30]);
    expect((await api(`/api/boards/${b.boardId}/metrics/${b.nps}/2025-01-31`, { method: 'DELETE', token: b.participant })).status).toBe(
      403,
    );
    expect((await api(`/api/boards/${b.boardId}/metrics/${b.nps}/2025-01-31`, { method: 'DELETE', token: b.token })).status).toBe(200);
    expect(await series()).toEqual([]);
    expect((await api(`/api/boards/${b.boardId}/metrics/${b.nps}/2025-01-31`, { method: 'DELETE', token: b.token })).status).toBe(404);
  });
});
