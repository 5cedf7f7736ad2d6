/** Saved views are structure: a facilitator prepares them, a participant's write to them is refused, by the rule and by the relay. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initBoard, saveView } from '../../src/doc/commands';
import { NO_FILTERS } from '../../src/model/cardFilters';
import { defaultBoard } from '../../src/model/defaults';
import { CLOSE_CHANGE_REFUSED } from '../../src/model/relayProtocol';
import { mayApply } from '../../server/permissions';
import { newBoard } from '../helpers/boardDoc';
import { handUpdate } from '../helpers/handUpdate';
import { relayForFile } from '../helpers/relayForFile';
import { encodeSyncUpdate } from '../../server/protocol';
import { boardWithParticipant } from '../helpers/api';
import { connectClient, openRawSocket, waitFor } from '../helpers/relay';

const RECT = { x: 0, y: 0, width: 800, height: 500 };

describe('the views root', () => {
  it('is refused to a participant and open to a facilitator', () => {
    const { doc: room, journeyId } = newBoard();
    const mine = new Y.Doc();
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(room));
    const before = Y.encodeStateVector(mine);
    saveView(mine, { name: 'Vue', journeyId, rect: RECT, filters: NO_FILTERS });
    const update = Y.encodeStateAsUpdate(mine, before);
    expect(mayApply('participant', room, update)).toMatchObject({ ok: false });
    expect(mayApply('facilitator', room, update)).toMatchObject({ ok: true });
    // Written by hand, under a fresh client id, straight into the root.
    const forged = handUpdate([
      { client: 99, clock: 0, structs: [{ kind: 'item', parent: 'views', parentSub: 'x', content: { any: [1] } }] },
    ]);
    expect(mayApply('participant', room, forged)).toMatchObject({ ok: false });
  });
});

const relay = relayForFile();

describe('the relay', () => {
  it('refuses a participant’s hand-made update to the views and keeps the facilitator’s', async () => {
    const { boardId, token, participant } = await boardWithParticipant(relay.httpUrl);
    const facilitator = connectClient(relay.wsUrl, boardId, new Y.Doc(), { token });
    await facilitator.synced;
    const { journeyId } = initBoard(facilitator.doc, defaultBoard('fr'))!;
    const viewId = saveView(facilitator.doc, { name: 'Préparée', journeyId, rect: RECT, filters: NO_FILTERS });
    const raw = openRawSocket(`${relay.wsUrl}/${boardId}?token=${encodeURIComponent(participant)}&writer=${'C'.repeat(22)}`);
    await raw.opened;
    raw.ws.send(
      encodeSyncUpdate(
        handUpdate([
          {
            client: 424242,
            clock: 0,
            structs: [{ kind: 'item', parent: 'views', parentSub: 'forged', content: { any: [{ name: 'Piratée' }] } }],
          },
        ]),
      ),
    );
    expect((await raw.closed).code).toBe(CLOSE_CHANGE_REFUSED);
    // A newcomer sees the facilitator's view and nothing of the participant's.
    const reader = connectClient(relay.wsUrl, boardId, new Y.Doc(), { token });
    await reader.synced;
    await waitFor(() => reader.doc.getMap('views').has(viewId), 5000, 'the facilitator’s view');
    expect(reader.doc.getMap('views').has('forged')).toBe(false);
  });
});
