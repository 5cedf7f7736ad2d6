/** Driving a Room in-process: connections with a role and a writer key, the handshake, edits sent as a provider would. */
import type * as Y from 'yjs';
import type { Room } from '../../server/room';
import type { Role } from '../../src/model/roles';
import { FakeSocket } from './fakeSocket';

/** A fake connection holding a share link's role and a writer key (hashed or not: the room only compares). */
export class RoleSocket extends FakeSocket {
  constructor(
    name: string,
    readonly role: Role,
    readonly writerKey?: string,
  ) {
    super(name);
  }
}

/** Connects `socket` and runs both sync steps. */
export function joinRoom(room: Room, socket: FakeSocket): void {
  room.connect(socket);
  room.receive(socket, socket.syncStep1());
  socket.applyReceived();
}

/** Runs `edit` on the socket's doc and sends the updates it produced to the room. */
export function sendEdits(room: Room, socket: FakeSocket, edit: (doc: Y.Doc) => void): void {
  const updates: Uint8Array[] = [];
  const collect = (u: Uint8Array) => updates.push(u);
  socket.doc.on('update', collect);
  edit(socket.doc);
  socket.doc.off('update', collect);
  for (const u of updates) room.receive(socket, FakeSocket.updateFrame(u));
}
