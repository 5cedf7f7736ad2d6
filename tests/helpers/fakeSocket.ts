/** A fake relay connection for room unit tests: records what the room sends, and speaks for a client Y.Doc. */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { RoomSocket } from '../../server/room';

/**
 * Implements the room's socket interface. Frames are built and read with the stock y-protocols
 * encoders, so the tests also check wire compatibility with y-websocket clients.
 */
export class FakeSocket implements RoomSocket {
  readonly sent: Uint8Array[] = [];
  closed: { code: number; reason: string } | null = null;
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);

  /** @param journal shared list of events, to assert ordering across sockets and storage. */
  constructor(
    readonly name: string,
    private readonly journal: string[] = [],
  ) {}

  send(message: Uint8Array): void {
    if (this.closed) throw new Error(`${this.name}: send after close`);
    this.sent.push(message);
    this.journal.push(`${this.name} received`);
  }

  close(code: number, reason: string): void {
    this.closed = { code, reason };
  }

  /** Message types (first varuint) of everything received so far. */
  receivedTypes(): number[] {
    return this.sent.map((frame) => decoding.readVarUint(decoding.createDecoder(frame)));
  }

  /** Applies every received sync/awareness frame to this client's doc and awareness, like a provider would. */
  applyReceived(): void {
    for (const frame of this.sent.splice(0)) {
      const decoder = decoding.createDecoder(frame);
      const type = decoding.readVarUint(decoder);
      if (type === 0) syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), this.doc, 'relay');
      if (type === 1) awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), 'relay');
    }
  }

  /** A sync step 1 frame for this client's doc. */
  syncStep1(): Uint8Array {
    return frame((encoder) => {
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeSyncStep1(encoder, this.doc);
    });
  }

  /** A sync update frame carrying `update`. */
  static updateFrame(update: Uint8Array): Uint8Array {
    return frame((encoder) => {
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeUpdate(encoder, update);
    });
  }

  /** An awareness frame with the given client states (as encoded by `awareness`). */
  awarenessFrame(clientIDs: number[] = [this.doc.clientID], awareness = this.awareness): Uint8Array {
    return frame((encoder) => {
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clientIDs));
    });
  }

  /** Frees the client doc and its awareness timer. */
  destroy(): void {
    this.doc.destroy();
  }
}

/** Builds one frame with a lib0 encoder. */
export function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}
