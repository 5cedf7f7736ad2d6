import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addTouchpoint, initBoard, renameLane, setTouchpointText } from '../../src/doc/commands';
import { readBoard } from '../../src/doc/projection';
import { defaultBoard } from '../../src/model/defaults';
import { signToken } from '../../server/tokens';
import { apiRequest } from '../helpers/api';
import { relayForFile } from '../helpers/relayForFile';
import { connectClient, openRawSocket, seedOpenBoard, upgradeStatus, waitFor } from '../helpers/relay';

const relay = relayForFile();

const api = (pathname: string, init?: Parameters<typeof apiRequest>[2]) => apiRequest(relay.httpUrl, pathname, init);

/** A protected board seeded by its facilitator, and a participant and a viewer link. */
async function protectedBoard() {
  const created = await api('/api/boards', { method: 'POST' });
  expect(created.status).toBe(201);
  const { boardId, token } = created.body as { boardId: string; token: string };
  const facilitator = connectClient(relay.wsUrl, boardId, new Y.Doc(), { token });
  await facilitator.synced;
  const journeyId = initBoard(facilitator.doc, defaultBoard('fr'))!.journeyId;
  const participant = (
    (await api(`/api/boards/${boardId}/links`, { method: 'POST', token, body: { role: 'participant' } })).body as { token: string }
  ).token;
  const viewer = (
    (await api(`/api/boards/${boardId}/links`, { method: 'POST', token, body: { role: 'viewer', expiresInDays: 1 } })).body as {
      token: string;
    }
  ).token;
  return { boardId, token, facilitator, journeyId, participant, viewer };
}

const ws = (boardId: string, token?: string) => `${relay.wsUrl}/${boardId}${token ? `?token=${encodeURIComponent(token)}` : ''}`;

describe('share links at the websocket upgrade', () => {
  it('refuses missing, forged, other-board, expired and revoked tokens before any websocket opens', async () => {
    const { boardId, token, viewer } = await protectedBoard();
    const other = ((await api('/api/boards', { method: 'POST' })).body as { token: string }).token;
    const secret = Buffer.from(fs.readFileSync(path.join(relay.config.dataDir, 'secret.key'), 'utf8').trim(), 'hex');
    const expired = signToken(secret, { b: boardId, r: 'facilitator', g: 0, e: Date.now() - 1000 });
    const [body, sig] = token.split('.') as [string, string];
    const forged = `${Buffer.from(JSON.stringify({ b: boardId, r: 'facilitator', g: 0, e: 0, x: 1 })).toString('base64url')}.${sig}`;
    expect(await upgradeStatus(ws(boardId))).toBe(401);
    expect(await upgradeStatus(ws(boardId, forged))).toBe(401);
    expect(await upgradeStatus(ws(boardId, `${body}.${'A'.repeat(43)}`))).toBe(401);
    expect(await upgradeStatus(ws(boardId, other))).toBe(403);
    expect(await upgradeStatus(ws(boardId, expired))).toBe(403);
    expect(await upgradeStatus(ws(boardId, viewer))).toBe(101);
    // Revoking: every old link stops working, open connections are closed, the facilitator gets a new token.
    const open = openRawSocket(ws(boardId, viewer));
    await open.opened;
    const revoked = await api(`/api/boards/${boardId}/revoke`, { method: 'POST', token });
    expect(revoked.status).toBe(200);
    expect((await open.closed).code).toBe(4403);
    expect(await upgradeStatus(ws(boardId, viewer))).toBe(403);
    expect(await upgradeStatus(ws(boardId, token))).toBe(403);
    expect(await upgradeStatus(ws(boardId, (revoked.body as { facilitatorToken: string }).facilitatorToken))).toBe(101);
  });

  it('keeps boards made without links (stored before share links existed) open, as before', async () => {
    expect(await upgradeStatus(ws(seedOpenBoard(relay.config.dataDir)))).toBe(101);
  });
});

describe('roles on every message', () => {
  it('never stores or forwards a viewer’s change', async () => {
    const { boardId, token, viewer, facilitator, journeyId } = await protectedBoard();
    const v = connectClient(relay.wsUrl, boardId, new Y.Doc(), { token: viewer });
    await v.synced;
    await waitFor(() => readBoard(v.doc).stages.length === 5, 5000, 'viewer sees the board');
    const b = readBoard(v.doc);
    addTouchpoint(v.doc, { journeyId, stageId: b.stages[0]!.id, channelId: b.channels[0]!.id }, 'Je ne devrais pas exister');
    // A later facilitator edit is the marker: once it arrived everywhere, the viewer's edit would have too.
    addTouchpoint(facilitator.doc, { journeyId, stageId: b.stages[1]!.id, channelId: b.channels[0]!.id }, 'Je suis là');
    const fresh = connectClient(relay.wsUrl, boardId, new Y.Doc(), { token });
    await fresh.synced;
    await waitFor(() => readBoard(fresh.doc).touchpoints.length === 1, 5000, 'the facilitator card');
    expect(readBoard(fresh.doc).touchpoints.map((t) => t.text)).toEqual(['Je suis là']);
    expect(readBoard(facilitator.doc).touchpoints.map((t) => t.text)).toEqual(['Je suis là']);
  });

  it('lets a participant edit cards but not the structure, even with a hand-made update through a stock provider', async () => {
    const { boardId, token, participant, facilitator, journeyId } = await protectedBoard();
    const p = connectClient(relay.wsUrl, boardId, new Y.Doc(), { token: participant });
    await p.synced;
    await waitFor(() => readBoard(p.doc).stages.length === 5, 5000, 'participant sees the board');
    const b = readBoard(p.doc);
    const card = addTouchpoint(p.doc, { journeyId, stageId: b.stages[2]!.id, channelId: b.channels[0]!.id }, 'Je paie');
    setTouchpointText(p.doc, card, 'Je paie en ligne');
    renameLane(p.doc, 'stages', b.stages[0]!.id, 'Renommée par un participant');
    // A hand-made update that deletes a stage, sent as is.
    const hostile = new Y.Doc();
    Y.applyUpdate(hostile, Y.encodeStateAsUpdate(p.doc));
    const before = Y.encodeStateVector(hostile);
    hostile.getMap('stages').delete(b.stages[1]!.id);
    Y.applyUpdate(p.doc, Y.encodeStateAsUpdate(hostile, before));
    await waitFor(() => readBoard(facilitator.doc).touchpoints.some((t) => t.text === 'Je paie en ligne'), 5000, 'the participant card');
    const fresh = connectClient(relay.wsUrl, boardId, new Y.Doc(), { token });
    await fresh.synced;
    for (const doc of [facilitator.doc, fresh.doc]) {
      const seen = readBoard(doc);
      expect(seen.stages.map((s) => s.name)).toEqual(['Découverte', 'Évaluation', 'Achat', 'Usage & fidélisation', 'Recommandation']);
      expect(seen.touchpoints.map((t) => t.text)).toEqual(['Je paie en ligne']);
    }
  });
});

describe('named versions', () => {
  it('saves a snapshot, lists it, serves it, and refuses non-facilitators and nameless versions', async () => {
    const { boardId, token, participant, facilitator, journeyId } = await protectedBoard();
    const b = readBoard(facilitator.doc);
    addTouchpoint(facilitator.doc, { journeyId, stageId: b.stages[0]!.id, channelId: b.channels[0]!.id }, 'Avant');
    await waitFor(() => (relay.server.rooms.peek(boardId)?.doc.getMap('touchpoints').size ?? 0) === 1, 5000, 'relay has the card');
    expect((await api(`/api/boards/${boardId}/versions`, { method: 'POST', token: participant, body: { name: 'x' } })).status).toBe(403);
    expect((await api(`/api/boards/${boardId}/versions`, { method: 'POST', token, body: { name: '  ' } })).status).toBe(400);
    const saved = await api(`/api/boards/${boardId}/versions`, { method: 'POST', token, body: { name: 'v1 2024', author: 'Claire' } });
    expect(saved.status).toBe(201);
    addTouchpoint(facilitator.doc, { journeyId, stageId: b.stages[0]!.id, channelId: b.channels[0]!.id }, 'Après');
    const list = await api(`/api/boards/${boardId}/versions`, { token: participant });
    expect((list.body as { versions: { name: string; author: string }[] }).versions).toMatchObject([{ name: 'v1 2024', author: 'Claire' }]);
    const id = (saved.body as { id: string }).id;
    const state = await api(`/api/boards/${boardId}/versions/${id}`, { token: participant });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state.body as Uint8Array);
    expect(readBoard(doc).touchpoints.map((t) => t.text)).toEqual(['Avant']);
    expect((await api(`/api/boards/${boardId}/versions/nope`, { token })).status).toBe(404);
    expect((await api(`/api/boards/${boardId}/versions`)).status).toBe(401);
  });

  it('answers bad requests with clear JSON errors', async () => {
    const { boardId, token } = await protectedBoard();
    expect(await api(`/api/boards/${boardId}/links`, { method: 'POST', token, body: { role: 'admin' } })).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/role/) },
    });
    expect((await api('/api/boards/short/access')).status).toBe(400);
    expect((await api(`/api/boards/${boardId}/access`, { token })).body).toEqual({ role: 'facilitator', protected: true });
    const big = await fetch(`${relay.httpUrl}/api/boards/${boardId}/links`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: 'x'.repeat(20_000),
    });
    expect(big.status).toBe(413);
    const junk = await fetch(`${relay.httpUrl}/api/boards/${boardId}/links`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: '{not json',
    });
    expect(junk.status).toBe(400);
  });
});

describe('revoking while others act', () => {
  it('answers revocations fired together with tokens of their own generations: only the newest opens the board', async () => {
    const { boardId, token } = await protectedBoard();
    const answers = await Promise.all([1, 2, 3].map(() => api(`/api/boards/${boardId}/revoke`, { method: 'POST', token })));
    // The first revocation revokes the link the others came with: they may be refused (403).
    const done = answers.filter((a) => a.status === 200);
    expect(done.length).toBeGreaterThan(0);
    expect(answers.filter((a) => a.status !== 200).every((a) => a.status === 403)).toBe(true);
    const tokens = done.map((a) => (a.body as { facilitatorToken: string }).facilitatorToken);
    expect(new Set(tokens).size).toBe(tokens.length);
    const statuses = await Promise.all(tokens.map(async (t) => (await api(`/api/boards/${boardId}/access`, { token: t })).status));
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 403)).toHaveLength(tokens.length - 1);
  });

  it('saves no version with a link revoked before the save reached the store', async () => {
    const { boardId, token } = await protectedBoard();
    const [saved, revoked] = await Promise.all([
      api(`/api/boards/${boardId}/versions`, { method: 'POST', token, body: { name: 'pendant' } }),
      api(`/api/boards/${boardId}/revoke`, { method: 'POST', token }),
    ]);
    expect(revoked.status).toBe(200);
    const fresh = (revoked.body as { facilitatorToken: string }).facilitatorToken;
    const listed = (await api(`/api/boards/${boardId}/versions`, { token: fresh })).body as { versions: { name: string }[] };
    // Whichever came first, the answer and the list agree.
    expect(listed.versions.map((v) => v.name)).toEqual(saved.status === 201 ? ['pendant'] : []);
    expect([201, 403]).toContain(saved.status);
    const late = await api(`/api/boards/${boardId}/versions`, { method: 'POST', token, body: { name: 'après' } });
    expect(late.status).toBe(403);
  });
});
