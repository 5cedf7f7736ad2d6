/** One loaded board: its Y.Doc, its awareness, its connections, and the sync protocol between them. */
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { AwarenessOwners } from './awarenessOwners';
import { changesOnlyContent, judgeParticipantUpdate } from './permissions';
import { capabilitiesOf, type Role } from '../src/model/roles';
import { TypeIndex } from './typeIndex';
import { anonymousWriterKey, WriterRegistry } from './writers';
import { TokenBucket } from './rateLimit';
import type { Appended, SeqRow } from './persistence';
import { andThen, isPromise, type MaybePromise, type RoomStore } from './storage/types';
import { SerialQueue } from './serialQueue';
import { readBoard, type LoadedBoard } from './roomLoad';
import {
  BYTES_PER_DELETED_RANGE,
  CHECK_VISITS_BURST,
  CHECK_VISITS_PER_SECOND,
  MAX_PENDING_BYTES,
  deletesWholeItems,
  pendingBytes,
} from './updateCost';
import { sentUpTo, unionOf, type StateVector } from './syncVector';
import { CLOSE_REASON_STORAGE, CLOSE_STORAGE_UNAVAILABLE } from '../src/model/relayProtocol';
import type { Logger } from './log';
import { BoardSizeBudget } from './boardSize';
import {
  CLOSE_BOARD_TOO_LARGE,
  CLOSE_CHANGE_REFUSED,
  CLOSE_INTERNAL_ERROR,
  CLOSE_INVALID_PAYLOAD,
  CLOSE_UNSUPPORTED_DATA,
  CLOSE_POLICY_VIOLATION,
  ProtocolError,
  decodeDocumentUpdate,
  stampAwarenessStates,
  encodeAwarenessMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
  parseMessage,
  type AwarenessEntry,
} from './protocol';

/** The little a room needs from a connection; the websocket adapter and test fakes implement it. */
export interface RoomSocket {
  /** What this connection may change (from its share link); absent means facilitator. */
  readonly role?: Role;
  /** Hash of the writer key the client presented (see server/writers.ts); absent: a key of its own. */
  readonly writerKey?: string;
  /** The state vector the client announced in its address (server/syncVector.ts): its greeting then carries a sync step 2. */
  readonly announcedVector?: Uint8Array;
  /** Whether the client asked for the relay's KPI pushes (MESSAGE_METRICS); stock providers do not. */
  readonly wantsMetrics?: boolean;
  /** Sends one binary frame; must not throw (drop the frame if the connection is gone). */
  send(message: Uint8Array): void;
  /** Starts closing the connection with a websocket close code. */
  close(code: number, reason: string): void;
}

/** Loads a board and makes its room (at once with a synchronous store): nobody can connect before it is complete. */
export function openRoom(options: RoomOptions): MaybePromise<Room> {
  return andThen(readBoard(options.store, options.boardId), (loaded) => new Room({ ...options, loaded }));
}

/** An update applied to the document and not acknowledged by the store yet: nobody else has it. */
interface Uncommitted {
  update: Uint8Array;
  sender: RoomSocket | null;
  /** What it costs the board-size budget (its size and the fragmentation its deletions cause). */
  charge: number;
  /** Client ids its transaction wrote under for the first time (bound to the sender's key once stored). */
  newClients: number[];
}

export interface RoomOptions {
  boardId: string;
  store: RoomStore;
  /** The board as read from the store (openRoom reads it); absent: read now, from a store that answers at once. */
  loaded?: LoadedBoard;
  log: Logger;
  /** Compact the stored log once it holds more than this many rows. */
  compactEvery: number;
  /** Refuse updates that would grow the encoded board past this many bytes (0 or absent: no limit). */
  maxBoardBytes?: number;
  /** Called when the last connection left (the registry then schedules the unload). */
  onEmpty?: (room: Room) => void;
  /** Called when storage failed: the room has closed its connections and must be dropped unsaved. */
  onBroken?: (room: Room) => void;
  /**
   * Hook: an update sent by a client of this room was stored with `seq` (and is about to be
   * forwarded to the other clients). Another relay instance learns of it from here (publish it
   * after this call, never before: it is committed). `origin` is the sending connection.
   * Updates given to applyRemote() do not come through here.
   */
  onCommitted?: (update: Uint8Array, seq: number, origin: RoomSocket | null) => void;
}

/** The transaction origin of updates another relay instance stored (see Room.applyRemote). */
const REMOTE_ORIGIN = Symbol('remote update');

export class Room {
  readonly boardId: string;
  private currentDoc: Y.Doc;
  readonly awareness: Awareness;
  private types = new TypeIndex();
  private readonly writers: WriterRegistry;
  private readonly keys = new WeakMap<RoomSocket, string>();
  private readonly visitBudgets = new WeakMap<RoomSocket, TokenBucket>();
  /** Set by the update listener when a participant's transaction changed the structure after all. */
  private violation: string | null = null;
  /** Bytes an update is charged beyond its own size (the fragmentation its deletions cause). */
  private extraCharge = 0;
  private readonly connections = new Set<RoomSocket>();
  /** Connections whose handshake (our sync step 1, the presence known) was sent: see greetedConnections. */
  private readonly greeted = new WeakSet<RoomSocket>();
  /** What the greeting's sync step 2 brought a connection up to, until its own sync step 1 is answered. */
  private readonly sentWithGreeting = new WeakMap<RoomSocket, StateVector>();
  /** Which connection introduced each awareness clientID: only that one may change it. */
  private readonly awarenessOwners: AwarenessOwners<RoomSocket>;
  private storedRows = 0;
  /** Every row up to this seq is in the document (rows arrive here in order, except across instances). */
  private coveredSeq = 0;
  /** Seqs above coveredSeq already in the document (an own append overtaking a remote row). */
  private readonly seqsAhead = new Set<number>();
  private readonly size: BoardSizeBudget;
  /** Connections whose updates added pending content since the board last had none. */
  private readonly pendingContributors = new Set<RoomSocket>();
  private broken = false;
  private destroyed = false;
  private readonly options: Omit<RoomOptions, 'loaded'>;
  /** Every frame, remote update and compaction, one at a time: see SerialQueue. */
  private readonly queue: SerialQueue;
  /** Updates of the step running now that the store has not acknowledged yet. */
  private uncommitted: Uncommitted[] = [];
  /** Whether a connection's update is being applied (its step commits what it produced). */
  private applying = false;
  /** Set while a remote update is applied over pending content it may release (applyRemoteNow). */
  private remoteMayRelease = false;

  /** Makes the room of a loaded board; the room is complete before anyone can connect to it. */
  constructor({ loaded, ...options }: RoomOptions) {
    this.options = options;
    this.boardId = options.boardId;
    const board = loaded ?? readBoard(options.store, options.boardId);
    if (isPromise(board)) {
      board.catch(() => undefined);
      throw new Error('this store answers asynchronously: make the room with openRoom()');
    }
    this.queue = new SerialQueue((error) =>
      options.log.error('unexpected error in a board step', { board: options.boardId, error: String(error) }),
    );
    this.writers = new WriterRegistry(this.boardId, options.store, new Map(board.writers));
    const { doc, bytes } = this.installDoc(board.rows);
    this.currentDoc = doc;
    this.size = new BoardSizeBudget(options.maxBoardBytes ?? 0, bytes, () => Y.encodeStateAsUpdate(this.doc).byteLength);
    // Presence lives beside the board, on a document of its own: the board's may be reloaded.
    this.awareness = new Awareness(new Y.Doc());
    // The relay has no presence of its own; without this every client would see a ghost peer.
    this.awareness.setLocalState(null);
    this.awarenessOwners = new AwarenessOwners(new Set([this.awareness.clientID, doc.clientID]), (socket) => this.keyOf(socket));
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /** The board's document as the relay holds it. */
  get doc(): Y.Doc {
    return this.currentDoc;
  }

  /** A fresh document holding every stored update, listened to by this room. */
  private installDoc(rows: readonly SeqRow[]): { doc: Y.Doc; bytes: number } {
    const doc = new Y.Doc({ gc: true });
    // One read gives the rows and the seq they reach together.
    const updates = rows.map((row) => row.update);
    // Apply everything before the update listener exists, so loading does not re-append rows.
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    this.storedRows = updates.length;
    this.coveredSeq = rows.at(-1)?.seq ?? 0;
    this.seqsAhead.clear();
    this.writers.reserve(doc.clientID);
    doc.on('update', this.onDocUpdate);
    return { doc, bytes: updates.reduce((n, update) => n + update.byteLength, 0) };
  }

  /**
   * Replaces the in-memory document by the stored one: what a refused transaction left in it is
   * gone. Nobody else saw that transaction (it was neither stored nor forwarded), so every other
   * client still matches the stored board.
   */
  private reload(): MaybePromise<void> {
    const old = this.currentDoc;
    old.off('update', this.onDocUpdate);
    const install = (rows: SeqRow[]): void => {
      if (this.destroyed) return;
      old.destroy();
      this.types = new TypeIndex();
      const { doc, bytes } = this.installDoc(rows);
      this.currentDoc = doc;
      this.size.measured(bytes);
    };
    try {
      const rows = this.options.store.loadSince(this.boardId, 0);
      if (isPromise(rows)) return rows.then(install, (error: unknown) => this.fail(error));
      install(rows);
    } catch (error) {
      this.fail(error);
    }
  }

  /** The writer key a connection writes with. */
  private keyOf(socket: RoomSocket): string {
    if (socket.writerKey) return socket.writerKey;
    let key = this.keys.get(socket);
    if (!key) {
      key = anonymousWriterKey();
      this.keys.set(socket, key);
    }
    return key;
  }

  /** Open connections. */
  get connectionCount(): number {
    return this.connections.size;
  }

  /** Rows the store holds for this board, as far as this room knows. */
  get storedRowCount(): number {
    return this.storedRows;
  }

  /**
   * The seq up to which the document holds every stored row of the board: what it was loaded
   * at, then advanced by this room's appends and applyRemote() while they leave no hole.
   */
  get loadedSeq(): number {
    return this.coveredSeq;
  }

  /**
   * Hook: applies an update that another relay instance already validated and stored with
   * `seq` (so it is not stored again) and forwards it to every client of this room. Feed it in
   * seq order; a seq already covered is ignored. Safe to call at any time the room is open.
   */
  applyRemote(update: Uint8Array, seq: number): void {
    if (this.broken || this.destroyed) return;
    this.queue.push(() => this.applyRemoteNow(update, seq));
  }

  private applyRemoteNow(update: Uint8Array, seq: number): MaybePromise<void> {
    if (this.broken || this.destroyed) return;
    if (seq <= this.coveredSeq || this.seqsAhead.has(seq)) return;
    // Content a client of this room sent before its dependencies may be waiting in the document;
    // the remote update can complete it, and then it comes out in the same transaction.
    this.remoteMayRelease = this.pendingContributors.size > 0;
    try {
      Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
    } catch (error) {
      this.options.log.error('a stored update of another instance failed to apply', { board: this.boardId, seq, error: String(error) });
      return;
    } finally {
      this.remoteMayRelease = false;
    }
    if (pendingBytes(this.doc) === 0) this.pendingContributors.clear();
    this.cover(seq);
    // What it released was stored nowhere: store it (with the remote content, harmless twice), then forward.
    return this.commitApplied();
  }

  /** Records that the document holds the row `seq`. */
  private cover(seq: number): void {
    if (seq !== this.coveredSeq + 1) {
      if (seq > this.coveredSeq) this.seqsAhead.add(seq);
      return;
    }
    this.coveredSeq = seq;
    while (this.seqsAhead.delete(this.coveredSeq + 1)) this.coveredSeq++;
  }

  /**
   * Adds a connection and starts the handshake (our sync step 1, a sync step 2 against the
   * state vector it announced if any, then the known awareness states) at the room's next
   * committed point, after `beforeHandshake` (e.g. a version of the board as the newcomer finds it).
   */
  connect(socket: RoomSocket, beforeHandshake?: () => void): void {
    if (this.destroyed || this.broken) throw new Error(`room ${this.boardId} is closed`);
    this.connections.add(socket);
    this.queue.push(() => {
      if (!this.connections.has(socket) || this.destroyed) return;
      beforeHandshake?.();
      this.greeted.add(socket);
      socket.send(encodeSyncStep1(this.doc));
      const announced = socket.announcedVector;
      if (announced) {
        // The board a round trip early; its own step 1 is answered with the rest only.
        socket.send(encodeSyncStep2(this.doc, announced));
        this.sentWithGreeting.set(socket, sentUpTo(this.doc, Y.decodeStateVector(announced)));
      }
      const states = [...this.awareness.getStates().keys()];
      if (states.length > 0) socket.send(encodeAwarenessMessage(this.awareness, states));
    });
  }

  /**
   * Connections whose handshake ran. One still waiting for it (behind an append in the queue)
   * gets nothing forwarded: the sync step 2 it will be answered holds all of it, and bytes sent
   * before would count against its sync request (a big board's update would cut an honest client).
   */
  private *greetedConnections(): Iterable<RoomSocket> {
    for (const socket of this.connections) if (this.greeted.has(socket)) yield socket;
  }

  /** Handles one frame from `socket`, in the room's order; a frame the relay refuses closes that connection only. */
  receive(socket: RoomSocket, frame: Uint8Array, isBinary = true): void {
    if (!this.connections.has(socket)) return; // already refused or closed: late frames are dropped
    this.queue.push(() => this.process(socket, frame, isBinary));
  }

  /** Whether a step is running or waiting for the store (the document may then hold an update not stored yet). */
  get busy(): boolean {
    return this.queue.busy;
  }

  /** Resolves at the room's next committed point: every update in its document is stored. Read `doc` right then. */
  settled(): Promise<void> {
    return this.queue.idle();
  }

  private process(socket: RoomSocket, frame: Uint8Array, isBinary: boolean): MaybePromise<void> {
    if (!this.connections.has(socket) || this.destroyed || this.broken) return; // refused or closed meanwhile
    try {
      if (!isBinary) throw new ProtocolError(CLOSE_UNSUPPORTED_DATA, 'text frames are not supported');
      const done = this.handle(socket, frame);
      if (isPromise(done)) return done.catch((error: unknown) => this.frameFailed(socket, error));
    } catch (error) {
      this.frameFailed(socket, error);
    }
  }

  private frameFailed(socket: RoomSocket, error: unknown): void {
    if (error instanceof ProtocolError) {
      this.refuse(socket, error.closeCode, error.message);
    } else {
      this.options.log.error('unexpected error while handling a message', { board: this.boardId, error: String(error) });
      this.refuse(socket, CLOSE_INTERNAL_ERROR, 'internal error');
    }
  }

  /** Forgets a connection and withdraws the awareness states it introduced. */
  disconnect(socket: RoomSocket): void {
    if (!this.connections.delete(socket)) return;
    this.pendingContributors.delete(socket);
    const owned = this.awarenessOwners.release(socket);
    if (!this.destroyed) {
      removeAwarenessStates(this.awareness, owned, null);
      // The connection is gone, so no late message can resurrect these ids: forget their clocks too.
      for (const clientID of owned) this.awareness.meta.delete(clientID);
    }
    if (this.connections.size === 0 && !this.destroyed) this.options.onEmpty?.(this);
  }

  /**
   * Replaces the stored log by one full-state row (if it has several), at the room's next
   * committed point. Resolves false if storage refused (at once with a synchronous store and an
   * idle room).
   */
  compact(): MaybePromise<boolean> {
    if (this.broken || this.destroyed) return false;
    if (!this.queue.busy) return this.compactNow();
    return new Promise((resolve) => this.queue.push(() => andThen(this.compactNow(), resolve)));
  }

  private compactNow(): MaybePromise<boolean> {
    if (this.broken || this.destroyed) return false;
    if (this.storedRows <= 1) return true; // already one row, or an empty board nobody edited
    const failed = (error: unknown): boolean => {
      this.options.log.error('compaction failed', { board: this.boardId, error: String(error) });
      return false;
    };
    try {
      const state = Y.encodeStateAsUpdate(this.doc);
      // Only the rows the document is known to hold are replaced: one stored elsewhere and not
      // applied here yet stays, and the compacted row keeps the seq it covers.
      const covered = this.coveredSeq;
      const done = this.options.store.compact(this.boardId, state, covered);
      const finish = (): boolean => {
        this.storedRows = 1 + [...this.seqsAhead].filter((seq) => seq > covered).length;
        this.size.measured(state.byteLength);
        this.options.log.debug('compacted board', { board: this.boardId });
        return true;
      };
      return isPromise(done) ? done.then(finish, failed) : finish();
    } catch (error) {
      return failed(error);
    }
  }

  /** Sends one frame to every connection of the board (the relay's own news, such as new KPI values). */
  /** Sends the relay's KPI news to the connections that asked for it. */
  notify(message: Uint8Array): void {
    for (const socket of this.connections) if (socket.wantsMetrics) socket.send(message);
  }

  /** Closes every connection with `code`, keeping the room (e.g. when its share links were revoked). */
  closeAll(code: number, reason: string): void {
    for (const socket of [...this.connections]) {
      this.disconnect(socket);
      socket.close(code, reason);
    }
  }

  /** Closes every connection with `code` (without calling onEmpty) and frees the document. */
  destroy(code: number, reason: string): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const socket of [...this.connections]) {
      this.connections.delete(socket);
      socket.close(code, reason);
    }
    this.awarenessOwners.clear();
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  /** Whether storage failed and the in-memory state must not be trusted as saved. */
  get isBroken(): boolean {
    return this.broken;
  }

  private handle(socket: RoomSocket, frame: Uint8Array): MaybePromise<void> {
    const message = parseMessage(frame);
    switch (message.kind) {
      case 'sync-step1': {
        let reply: Uint8Array;
        const sent = this.sentWithGreeting.get(socket);
        this.sentWithGreeting.delete(socket);
        try {
          const against = sent ? Y.encodeStateVector(unionOf(Y.decodeStateVector(message.stateVector), sent)) : message.stateVector;
          reply = encodeSyncStep2(this.doc, against);
        } catch {
          throw new ProtocolError(CLOSE_INVALID_PAYLOAD, 'unusable state vector');
        }
        socket.send(reply);
        return;
      }
      case 'sync-step2':
      case 'sync-update':
        return this.applyDocumentUpdate(socket, message.update);
      case 'awareness':
        this.applyAwareness(socket, message.update, message.entries);
        return;
      case 'query-awareness':
        socket.send(encodeAwarenessMessage(this.awareness, [...this.awareness.getStates().keys()]));
        return;
    }
  }

  /**
   * Roles: a viewer's updates and a participant's changes to the structure never reach the
   * document, the store or anyone else. A participant's update is judged before it is applied
   * (judgeParticipantUpdate), and its transaction once more after (onDocUpdate).
   */
  private applyDocumentUpdate(socket: RoomSocket, update: Uint8Array): MaybePromise<void> {
    const may = capabilitiesOf(socket.role ?? 'facilitator');
    // Stock providers answer our sync step 1 even on read-only links: drop it unread.
    if (!may.canEdit) return;
    const decoded = decodeDocumentUpdate(update);
    // Whoever may edit the content but not the structure has each update judged first.
    const judged = !may.canEditStructure;
    if (judged) {
      const key = this.keyOf(socket);
      const announcedBy = (client: number) => {
        const speaker = this.awarenessOwners.speakerFor(client);
        return speaker === undefined ? undefined : this.keyOf(speaker);
      };
      const verdict = judgeParticipantUpdate(
        this.doc,
        decoded,
        (client) => this.writers.mayWrite(this.doc, client, key, announcedBy(client)),
        this.types,
      );
      if (!verdict.ok) {
        this.options.log.info('refused an update', { board: this.boardId, role: socket.role ?? 'facilitator', reason: verdict.reason });
        throw new ProtocolError(CLOSE_CHANGE_REFUSED, 'change refused');
      }
      if (!this.visitBudget(socket).take(verdict.visited))
        throw new ProtocolError(CLOSE_POLICY_VIOLATION, 'deletion check budget exceeded');
    }
    let ranges = 0;
    for (const list of decoded.ds.clients.values()) ranges += list.length;
    const deletesOnly = decoded.structs.length === 0;
    // Deleting whole items can only shrink a board: always let people make room on a full one.
    // Deletions that split items are charged for it, alone or beside new content.
    const splits = ranges > 0 && !deletesWholeItems(this.doc, decoded.ds);
    const cost = update.byteLength + (splits ? ranges * BYTES_PER_DELETED_RANGE : 0);
    if ((!deletesOnly || splits) && !this.size.admits(cost, deletesOnly))
      throw new ProtocolError(CLOSE_BOARD_TOO_LARGE, 'board size limit reached');
    const store = this.doc.store;
    const pendingBefore = pendingBytes(this.doc);
    const pendingStructs = store.pendingStructs
      ? { missing: new Map(store.pendingStructs.missing), update: store.pendingStructs.update }
      : null;
    const pendingDs = store.pendingDs;
    this.extraCharge = cost - update.byteLength;
    this.violation = null;
    let failure: ProtocolError | null = null;
    this.applying = true;
    try {
      // Origin = the sender, so the update listener does not echo the update back to it.
      Y.applyUpdate(this.doc, update, socket);
    } catch {
      if (this.violation === null) failure = new ProtocolError(CLOSE_INVALID_PAYLOAD, 'document update failed to apply');
    } finally {
      this.extraCharge = 0;
      this.applying = false;
    }
    if (this.violation !== null) {
      const reason = this.violation;
      this.violation = null;
      this.uncommitted = []; // neither stored nor forwarded: the reload drops it from the document
      this.options.log.warn('a transaction changed what its role may not; reloading the board', { board: this.boardId, reason });
      return andThen(this.reload(), () => {
        throw new ProtocolError(CLOSE_CHANGE_REFUSED, 'change refused');
      });
    }
    if (judged) {
      // Nothing a participant sends may wait in the room for someone else's later clocks.
      store.pendingStructs = pendingStructs;
      store.pendingDs = pendingDs;
    }
    // Whatever the update integrated (even one that failed halfway) is stored before anyone sees it.
    return andThen(this.commitApplied(), () => {
      if (failure) throw failure;
      if (!judged) this.limitPending(socket, pendingBefore);
    });
  }

  /** Stores, in order, the updates the running step applied; each is forwarded once acknowledged. */
  private commitApplied(): MaybePromise<void> {
    const entry = this.uncommitted.shift();
    if (entry === undefined) return;
    return andThen(this.commitOne(entry), () => this.commitApplied());
  }

  private commitOne(entry: Uncommitted): MaybePromise<void> {
    if (this.broken || this.destroyed) return;
    let appended: MaybePromise<Appended>;
    try {
      appended = this.options.store.append(this.boardId, entry.update);
    } catch (error) {
      this.fail(error);
      return;
    }
    if (isPromise(appended))
      return appended.then(
        (stored) => this.committed(entry, stored.seq),
        (error: unknown) => this.fail(error),
      );
    return this.committed(entry, appended.seq);
  }

  /** The store acknowledged `entry` with `seq`: now, and only now, others may see it. */
  private committed(entry: Uncommitted, seq: number): MaybePromise<void> {
    if (this.broken) return;
    this.storedRows++;
    this.cover(seq);
    if (this.destroyed) return;
    try {
      this.options.onCommitted?.(entry.update, seq, entry.sender);
    } catch (error) {
      this.options.log.error('the committed-update hook failed', { board: this.boardId, error: String(error) });
    }
    this.size.grew(entry.charge);
    return andThen(this.bindWriters(entry), () => {
      if (this.broken || this.destroyed) return;
      const message = encodeSyncUpdate(entry.update);
      for (const socket of this.greetedConnections()) {
        if (socket !== entry.sender) socket.send(message);
      }
      if (this.storedRows > this.options.compactEvery) return andThen(this.compactNow(), () => undefined);
    });
  }

  /** Binds the client ids the sender wrote under for the first time to its key (a failed binding is a storage failure). */
  private bindWriters(entry: Uncommitted): MaybePromise<void> {
    if (!entry.sender || entry.newClients.length === 0) return;
    try {
      const bound = this.writers.bind(entry.newClients, this.keyOf(entry.sender));
      if (isPromise(bound)) return bound.catch((error: unknown) => this.fail(error));
    } catch (error) {
      this.fail(error);
    }
  }

  private visitBudget(socket: RoomSocket): TokenBucket {
    let bucket = this.visitBudgets.get(socket);
    if (!bucket) {
      bucket = new TokenBucket(CHECK_VISITS_PER_SECOND, CHECK_VISITS_BURST);
      this.visitBudgets.set(socket, bucket);
    }
    return bucket;
  }

  /**
   * Keeps pending content under MAX_PENDING_BYTES. Past it, the pending content is dropped and
   * every connection that added to it is closed: an honest one reconnects and re-sends, through
   * sync step 2, everything the relay lacks, dependencies included.
   */
  private limitPending(sender: RoomSocket, before: number): void {
    const after = pendingBytes(this.doc);
    if (after === 0) {
      this.pendingContributors.clear();
      return;
    }
    if (after > before) this.pendingContributors.add(sender);
    if (after <= MAX_PENDING_BYTES) return;
    this.doc.store.pendingStructs = null;
    this.doc.store.pendingDs = null;
    for (const socket of [...this.pendingContributors])
      this.refuse(socket, CLOSE_POLICY_VIOLATION, 'too many updates with missing dependencies');
    this.pendingContributors.clear();
  }

  /** Applies an awareness update only if every entry concerns a clientID this connection may speak for. */
  private applyAwareness(socket: RoomSocket, update: Uint8Array, entries: AwarenessEntry[]): void {
    const verdict = this.awarenessOwners.admit(socket, entries);
    if (!verdict.ok) {
      this.options.log.debug('ignored awareness update', { board: this.boardId, reason: verdict.reason });
      return;
    }
    const stamped = stampAwarenessStates(entries, socket.role ?? 'facilitator');
    applyAwarenessUpdate(this.awareness, stamped, socket);
    // A removal of a client nobody speaks for leaves a clock behind in awareness.meta: drop it,
    // or removals of made-up client ids would grow the map for as long as the board is loaded.
    for (const { clientID } of entries) {
      if (!this.awareness.states.has(clientID) && !this.awarenessOwners.isOwned(clientID)) this.awareness.meta.delete(clientID);
    }
  }

  /** Durability first: an update is stored before any other client can see it. */
  private readonly onDocUpdate = (update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction): void => {
    if (this.broken) return;
    if (origin === REMOTE_ORIGIN) {
      if (this.remoteMayRelease) {
        // It may carry pending content of this room's clients, which no store holds yet (rare:
        // pending content only lives one round trip after a reconnect, so storing the remote
        // part twice costs little and needs no telling them apart).
        this.storedRows++;
        this.uncommitted.push({ update, sender: null, charge: update.byteLength, newClients: [] });
        return;
      }
      // Stored and checked by the instance that received it: only forward it.
      this.storedRows++;
      this.size.grew(update.byteLength);
      const message = encodeSyncUpdate(update);
      for (const socket of this.greetedConnections()) socket.send(message);
      return;
    }
    const sender =
      origin !== null && typeof origin === 'object' && this.connections.has(origin as RoomSocket) ? (origin as RoomSocket) : null;
    // Second line of defence: whatever the check before missed, a participant's transaction
    // that changed the structure is neither stored nor forwarded (the room then reloads).
    if (sender && !capabilitiesOf(sender.role ?? 'facilitator').canEditStructure && !changesOnlyContent(transaction, this.types)) {
      this.violation = 'participant transaction changed the structure';
      return;
    }
    if (this.violation !== null) return;
    // Kept aside: the step that applied it stores it, then forwards it (commitApplied).
    this.uncommitted.push({
      update,
      sender,
      charge: update.byteLength + this.extraCharge,
      newClients: sender ? this.writers.newClients(transaction) : [],
    });
    // A change made outside a connection's update (none today) is stored in its own step.
    if (!this.applying) this.queue.push(() => this.commitApplied());
  };

  private readonly onAwarenessUpdate = (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    const clientIDs = [...change.added, ...change.updated, ...change.removed];
    if (clientIDs.length === 0 || this.connections.size === 0) return;
    const message = encodeAwarenessMessage(this.awareness, clientIDs);
    for (const socket of this.greetedConnections()) {
      if (socket !== origin) socket.send(message);
    }
  };

  /** Closes one connection for something it sent (logged once, however many frames follow). */
  refuse(socket: RoomSocket, code: number, reason: string): void {
    if (!this.connections.has(socket)) return;
    this.options.log.warn('closing connection', { board: this.boardId, code, reason });
    this.disconnect(socket);
    socket.close(code, reason);
  }

  /**
   * Storage refused an update: the document now holds something unsaved. Closing every
   * connection makes the clients reconnect to a fresh room loaded from storage, and their
   * sync step 2 re-sends what the store is missing.
   */
  private fail(error: unknown): void {
    if (this.broken) return;
    this.broken = true;
    this.uncommitted = [];
    this.options.log.error('storage failed; closing the board', { board: this.boardId, error: String(error) });
    for (const socket of [...this.connections]) {
      this.connections.delete(socket);
      socket.close(CLOSE_STORAGE_UNAVAILABLE, CLOSE_REASON_STORAGE);
    }
    // We may be inside the doc's own update event: destroying it here would pull it out from under Yjs.
    queueMicrotask(() => {
      this.destroy(CLOSE_STORAGE_UNAVAILABLE, CLOSE_REASON_STORAGE);
      this.options.onBroken?.(this);
    });
  }
}
