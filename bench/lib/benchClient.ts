/**
 * A lightweight client speaking the y-websocket protocol, or Hocuspocus's variant of it (every
 * message prefixed with the document name, an auth message first, acks for updates), over `ws`.
 * It behaves like the stock providers on the wire: sync step 1 on open, step 2 in reply to the
 * server's step 1, one update message per local transaction, its presence, and an echo of every
 * presence change it receives (both stock providers send those back). A `full` client applies
 * remote updates to its Y.Doc like a provider; a light one only counts them, to keep the load
 * generator from becoming the bottleneck on a small machine.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Dialect } from './relays';

/** Origin of updates applied from the relay. */
export const REMOTE = 'remote';

const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;

export interface ClientOptions {
  /** Apply remote updates to the doc (a provider does); otherwise only count them. */
  full?: boolean;
  /** Echo received presence changes back, as the stock providers do (default true). */
  echoAwareness?: boolean;
  doc?: Y.Doc;
}

export class BenchClient {
  readonly doc: Y.Doc;
  readonly ws: WebSocket;
  readonly synced: Promise<void>;
  readonly opened: Promise<void>;
  updatesReceived = 0;
  awarenessReceived = 0;
  closeCode: number | null = null;
  private markSynced!: () => void;
  private awarenessClock = 0;
  /** Presence clocks seen per client id, to echo only what is new (what a provider's Awareness does). */
  private readonly seenClocks = new Map<number, number>();
  private readonly full: boolean;
  private readonly echo: boolean;

  constructor(
    url: string,
    private readonly board: string,
    private readonly dialect: Dialect,
    options: ClientOptions = {},
  ) {
    this.full = options.full ?? true;
    this.echo = options.echoAwareness ?? true;
    this.doc = options.doc ?? new Y.Doc();
    this.synced = new Promise((resolve) => (this.markSynced = resolve));
    this.ws = new WebSocket(url, { perMessageDeflate: false });
    this.ws.binaryType = 'nodebuffer';
    this.ws.on('error', () => undefined);
    this.opened = new Promise((resolve) => this.ws.once('open', () => resolve()));
    this.ws.on('open', () => this.onOpen());
    this.ws.on('message', (data: Buffer) => this.onMessage(data));
    this.ws.on('close', (code) => (this.closeCode = code));
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE && this.ws.readyState === WebSocket.OPEN) this.sendSync(2, update);
    });
  }

  /** Publishes this client's presence (one awareness message, as Awareness.setLocalState does). */
  sendPresence(stateJson: string): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    const update = encoding.encode((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, this.doc.clientID);
      encoding.writeVarUint(e, ++this.awarenessClock);
      encoding.writeVarString(e, stateJson);
    });
    this.seenClocks.set(this.doc.clientID, this.awarenessClock);
    this.send(AWARENESS, (e) => encoding.writeVarUint8Array(e, update));
  }

  close(): void {
    this.ws.terminate();
    this.doc.destroy();
  }

  private onOpen(): void {
    if (this.dialect === 'hocuspocus') {
      this.send(AUTH, (e) => {
        encoding.writeVarUint(e, 0); // token message
        encoding.writeVarString(e, '');
      });
    }
    this.sendSync(0, Y.encodeStateVector(this.doc));
  }

  private send(type: number, write: (e: encoding.Encoder) => void): void {
    const frame = encoding.encode((e) => {
      if (this.dialect === 'hocuspocus') encoding.writeVarString(e, this.board);
      encoding.writeVarUint(e, type);
      write(e);
    });
    this.ws.send(frame);
  }

  private sendSync(step: number, payload: Uint8Array): void {
    this.send(SYNC, (e) => {
      encoding.writeVarUint(e, step);
      encoding.writeVarUint8Array(e, payload);
    });
  }

  private onMessage(data: Buffer): void {
    const decoder = decoding.createDecoder(data);
    if (this.dialect === 'hocuspocus') decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === SYNC || type === 4 /* Hocuspocus SyncReply */) {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === 0) this.sendSync(1, Y.encodeStateAsUpdate(this.doc, payload));
      else {
        if (step === 2) this.updatesReceived++;
        if (this.full) Y.applyUpdate(this.doc, payload, REMOTE);
        if (step === 1) this.markSynced();
      }
    } else if (type === AWARENESS) {
      this.awarenessReceived++;
      if (this.echo) this.echoPresence(decoding.readVarUint8Array(decoder));
    }
    // Anything else (auth replies, Hocuspocus's update acks) needs no answer.
  }

  /** Sends back the entries that are news to this client, as a provider's awareness handler does. */
  private echoPresence(update: Uint8Array): void {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    let news = false;
    for (let i = 0; i < count; i++) {
      const clientID = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      decoding.readVarString(decoder);
      if (clock > (this.seenClocks.get(clientID) ?? 0)) {
        this.seenClocks.set(clientID, clock);
        news = true;
      }
    }
    if (news) this.send(AWARENESS, (e) => encoding.writeVarUint8Array(e, update));
  }
}
