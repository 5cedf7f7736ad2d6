/** Writer keys through the real relay and stock providers: offline edits come back, nobody else writes under your id. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addTouchpoint, initBoard, renameLane, setTouchpointText } from '../../src/doc/commands';
import { defaultBoard } from '../../src/model/defaults';
import { relayForFile } from '../helpers/relayForFile';
import { handUpdate } from '../helpers/handUpdate';
import { encodeSyncUpdate } from '../../server/protocol';
import { boardWithParticipant } from '../helpers/api';
import { connectClient, openRawSocket, waitFor } from '../helpers/relay';

const relay = relayForFile();

describe('writer keys', () => {
  it('lets a participant’s offline edits in on reconnect, and refuses anyone else writing under its client id', async () => {
    const { boardId, token, participant } = await boardWithParticipant(relay.httpUrl);
    const facilitator = connectClient(relay.wsUrl, boardId, new Y.Doc(), { token });
    await facilitator.synced;
    const { journeyId } = initBoard(facilitator.doc, defaultBoard('fr'))!;
    const mine = connectClient(relay.wsUrl, boardId, new Y.Doc(), { token: participant, writer: 'A'.repeat(22) });
    await mine.synced;
    await waitFor(() => mine.doc.getMap('stages').size > 0, 5000, 'the board at the participant');
    const stageId = [...mine.doc.getMap('stages').keys()][0]!;
    const channelId = [...mine.doc.getMap('channels').keys()][0]!;
    const card = addTouchpoint(mine.doc, { journeyId, stageId, channelId }, 'Je découvre');
    await waitFor(() => facilitator.doc.getMap('touchpoints').has(card), 5000, 'the card at the facilitator');
    // Offline, the participant keeps typing; back online, the same key sends it.
    mine.provider.disconnect();
    setTouchpointText(mine.doc, card, 'Je découvre hors ligne');
    mine.provider.connect();
    await waitFor(
      () => String((facilitator.doc.getMap('touchpoints').get(card) as Y.Map<unknown>).get('text')) === 'Je découvre hors ligne',
      5000,
      'the offline edit',
    );
    // A second participant link, another key: it may not append to the first participant's clocks.
    const thief = openRawSocket(`${relay.wsUrl}/${boardId}?token=${encodeURIComponent(participant)}&writer=${'B'.repeat(22)}`);
    await thief.opened;
    const clock = Y.getState(mine.doc.store, mine.doc.clientID);
    thief.ws.send(
      encodeSyncUpdate(
        handUpdate([
          {
            client: mine.doc.clientID,
            clock,
            structs: [{ kind: 'item', parent: 'touchpoints', parentSub: 'stolen', content: { any: [1] } }],
          },
        ]),
      ),
    );
    expect((await thief.closed).code).toBe(4409);
    // The facilitator's structure change reaches the participant, whose later cards still arrive.
    renameLane(facilitator.doc, 'stages', stageId, 'Éveil');
    await waitFor(
      () => (mine.doc.getMap('stages').get(stageId) as Y.Map<unknown>).get('name') === 'Éveil',
      5000,
      'the rename at the participant',
    );
    const next = addTouchpoint(mine.doc, { journeyId, stageId, channelId }, 'Je reviens');
    await waitFor(() => facilitator.doc.getMap('touchpoints').has(next), 5000, 'the next card');
    expect(facilitator.doc.getMap('touchpoints').has('stolen')).toBe(false);
  });
});
