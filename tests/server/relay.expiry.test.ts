import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_ACCESS_REVOKED } from '../../server/protocol';
import { createLogger } from '../../server/log';
import type { Role } from '../../src/model/roles';
import { signToken, type TokenPayload } from '../../server/tokens';
import { startInProcessRelay, type InProcessRelay } from '../helpers/inProcessRelay';
import { cleanupTempDirs, connectClient, destroyAllClients, openRawSocket, waitFor, type TestClient } from '../helpers/relay';

let relay: InProcessRelay;
const lines: string[] = [];

beforeAll(async () => {
  const sink = (line: string) => lines.push(line);
  relay = await startInProcessRelay({}, createLogger('info', { out: sink, err: sink }));
});
afterAll(async () => {
  destroyAllClients();
  await relay.close();
  cleanupTempDirs();
});

/** A protected board, and a way to mint its links with any expiry. */
async function protectedBoard(): Promise<{ boardId: string; link: (role: Role, expiresAt: number) => string }> {
  const res = await fetch(`${relay.httpUrl}/api/boards`, { method: 'POST' });
  const { boardId, token } = (await res.json()) as { boardId: string; token: string };
  const { g } = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')) as TokenPayload;
  const secret = Buffer.from(fs.readFileSync(path.join(relay.config.dataDir, 'secret.key'), 'utf8').trim(), 'hex');
  return { boardId, link: (role, e) => signToken(secret, { b: boardId, r: role, g, e }) };
}

function nextCloseCode(client: TestClient): Promise<number> {
  return new Promise((resolve) => client.provider.once('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? -1)));
}

const url = (boardId: string, token: string) => `${relay.wsUrl}/${boardId}?token=${encodeURIComponent(token)}`;

describe('a share link that expires while its connection is open', () => {
  it('closes the connection at the expiry with 4403, and the stock provider stays away', async () => {
    const { boardId, link } = await protectedBoard();
    const expiresAt = Date.now() + 1000;
    const participant = connectClient(relay.wsUrl, boardId, new Y.Doc(), { token: link('participant', expiresAt) });
    const lasting = connectClient(relay.wsUrl, boardId, new Y.Doc(), { token: link('viewer', 0) });
    await Promise.all([participant.synced, lasting.synced]);
    const closed = nextCloseCode(participant);
    expect(await closed).toBe(CLOSE_ACCESS_REVOKED);
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt);
    expect(Date.now()).toBeLessThan(expiresAt + 1000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(participant.provider.wsconnected).toBe(false);
    expect(lasting.provider.wsconnected).toBe(true);
    expect(relay.server.rooms.peek(boardId)?.connectionCount).toBe(1);
  });

  it('keeps a link that expires beyond the longest setTimeout delay (about 24.8 days) open', async () => {
    const { boardId, link } = await protectedBoard();
    const far = openRawSocket(url(boardId, link('participant', Date.now() + 30 * 86_400_000)));
    await far.opened;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(far.ws.readyState).toBe(far.ws.OPEN);
    far.ws.close();
  });

  it('forgets the expiry of a connection that closed before it', async () => {
    const { boardId, link } = await protectedBoard();
    const before = lines.filter((l) => l.includes('share link expired')).length;
    const early = openRawSocket(url(boardId, link('viewer', Date.now() + 600)));
    await early.opened;
    early.ws.close();
    await early.closed;
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(lines.filter((l) => l.includes('share link expired')).length).toBe(before);
  });

  it('still refuses the expired link at the door afterwards', async () => {
    const { boardId, link } = await protectedBoard();
    const soon = openRawSocket(url(boardId, link('viewer', Date.now() + 300)));
    await soon.opened;
    expect((await soon.closed).code).toBe(CLOSE_ACCESS_REVOKED);
    const again = openRawSocket(url(boardId, link('viewer', Date.now() - 1)));
    await expect(again.opened).rejects.toThrow('403');
    await waitFor(() => relay.server.rooms.peek(boardId)?.connectionCount === 0, 2000, 'no connection left');
  });
});
