/**
 * A Room in-process over a memory store, with the default board laid out by a facilitator and a
 * participant joined: the board the suites of hand-made updates attack.
 */
import * as Y from 'yjs';
import { initBoard } from '../../src/doc/commands';
import { defaultBoard } from '../../src/model/defaults';
import { createLogger } from '../../server/log';
import { createMemoryStore } from '../../server/storage/memory';
import { Room } from '../../server/room';
import type { FakeSocket } from './fakeSocket';
import { joinRoom, RoleSocket, sendEdits } from './roomHarness';

/** Opens `boardId`; the facilitator writes under the key 'key-f', the participant under 'key-p'. Destroying the room is the caller's. */
export function facilitatedRoom(boardId: string) {
  const store = createMemoryStore();
  const room = new Room({ boardId, store, log: createLogger('silent'), compactEvery: 10_000 });
  const join = (socket: FakeSocket) => joinRoom(room, socket);
  const facilitator = new RoleSocket('facilitator', 'facilitator', 'key-f');
  join(facilitator);
  /** The facilitator edits its own doc and sends the update, as its provider would. */
  const facilitatorEdit = (edit: (doc: Y.Doc) => void) => sendEdits(room, facilitator, edit);
  let journeyId = '';
  facilitatorEdit((doc) => {
    journeyId = initBoard(doc, defaultBoard('fr'))!.journeyId;
  });
  const participant = new RoleSocket('participant', 'participant', 'key-p');
  join(participant);
  /** The board as the store holds it. */
  const reloaded = () => {
    const doc = new Y.Doc();
    for (const update of store.load(boardId)) Y.applyUpdate(doc, update);
    return doc;
  };
  return { store, room, join, facilitator, facilitatorEdit, journeyId, participant, reloaded };
}
