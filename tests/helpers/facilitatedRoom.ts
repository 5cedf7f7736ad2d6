/**
 * A Room in-process over a memory store, with the default board laid out by a facilitator: the
 * board the suites of hand-made updates attack. `facilitatedRoom` also joins a participant (the
 * attack suites); the structure fuzzer (structureFuzzer.ts) opens `facilitatorRoom` with its own
 * settings and joins its attackers itself.
 */
import * as Y from 'yjs';
import { initBoard } from '../../src/doc/commands';
import { defaultBoard } from '../../src/model/defaults';
import { createLogger } from '../../server/log';
import { createMemoryStore } from '../../server/storage/memory';
import { Room, type RoomOptions } from '../../server/room';
import type { FakeSocket } from './fakeSocket';
import { joinRoom, RoleSocket, sendEdits } from './roomHarness';

/** What a suite may set of the room: its compaction and size cap, and the facilitator's writer key. */
export interface FacilitatorRoomOptions extends Partial<Pick<RoomOptions, 'compactEvery' | 'maxBoardBytes'>> {
  facilitatorKey?: string;
}

/** Opens `boardId` with the default board written by a facilitator (key 'key-f' unless told). Destroying the room is the caller's. */
export function facilitatorRoom(boardId: string, options: FacilitatorRoomOptions = {}) {
  const { compactEvery = 10_000, maxBoardBytes, facilitatorKey = 'key-f' } = options;
  const store = createMemoryStore();
  const room = new Room({ boardId, store, log: createLogger('silent'), compactEvery, maxBoardBytes });
  const join = (socket: FakeSocket) => joinRoom(room, socket);
  const facilitator = new RoleSocket('facilitator', 'facilitator', facilitatorKey);
  join(facilitator);
  /** The facilitator edits its own doc and sends the update, as its provider would. */
  const facilitatorEdit = (edit: (doc: Y.Doc) => void) => sendEdits(room, facilitator, edit);
  let journeyId = '';
  facilitatorEdit((doc) => {
    journeyId = initBoard(doc, defaultBoard('fr'))!.journeyId;
  });
  /** The board as the store holds it. */
  const reloaded = () => {
    const doc = new Y.Doc();
    for (const update of store.load(boardId)) Y.applyUpdate(doc, update);
    return doc;
  };
  return { store, room, join, facilitator, facilitatorEdit, journeyId, reloaded };
}

/** Opens `boardId`; the facilitator writes under the key 'key-f', the participant under 'key-p'. Destroying the room is the caller's. */
export function facilitatedRoom(boardId: string) {
  const opened = facilitatorRoom(boardId);
  const participant = new RoleSocket('participant', 'participant', 'key-p');
  opened.join(participant);
  return { ...opened, participant };
}
