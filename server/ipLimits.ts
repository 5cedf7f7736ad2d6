/**
 * Per-address limits: concurrent websockets and sockets, their unread output, API request
 * rate, new boards, saved versions and wrong administrator secrets. One hostile machine
 * (or script) must not be able to take the relay from everyone else. Keys come from
 * clientAddress.ts (an IPv6 /64 counts as one address).
 */
import { AddressOutput } from './addressOutput';
import type { ServerConfig } from './config';
import { TokenBucket } from './rateLimit';

/** The per-address settings (see ServerConfig). A rate or a cap of 0 turns that limit off. */
export type IpLimitSettings = Pick<
  ServerConfig,
  | 'ipMaxConnections'
  | 'ipMaxSockets'
  | 'ipMaxSendBufferBytes'
  | 'ipRequestsPerSecond'
  | 'ipRequestBurst'
  | 'ipNewBoardsPerHour'
  | 'ipNewBoardBurst'
  | 'ipNewVersionsPerHour'
  | 'ipNewVersionBurst'
  | 'ipAdminFailuresPerHour'
  | 'ipAdminFailureBurst'
  | 'ipTrackedMax'
>;

/**
 * A refusal says when to come back (the Retry-After header), in whole seconds, and whether it is
 * the first since the address was last admitted: one log line per episode, not one per request.
 */
export type IpVerdict = { ok: true } | { ok: false; retryAfterSeconds: number; firstRefusal: boolean };

/** A counted socket: `release` it when it closes (safe to call twice). */
export type Slot = { ok: true; release: () => void } | { ok: false; firstRefusal: boolean };

/** A websocket's slot; `output` is its address's send budget. */
export type ConnectionSlot = { ok: true; release: () => void; output: AddressOutput } | { ok: false; firstRefusal: boolean };

/** How often idle addresses are looked for and forgotten. */
const SWEEP_INTERVAL_MS = 60_000;

const ADMITTED: IpVerdict = { ok: true };

/** What the relay remembers of one address. Buckets are made on first use: most addresses only open websockets. */
class AddressState {
  connections = 0;
  sockets = 0;
  /** Refused since last admitted (see IpVerdict.firstRefusal). */
  refusing = false;
  requests: TokenBucket | null = null;
  newBoards: TokenBucket | null = null;
  newVersions: TokenBucket | null = null;
  adminFailures: TokenBucket | null = null;
  /** Refused administrator requests since last admitted: apart, as the address's other API calls still pass. */
  refusingAdmin = false;
  output: AddressOutput | null = null;

  /** Whether forgetting this address changes nothing: no open websocket, every bucket full again. */
  isIdle(): boolean {
    return (
      this.connections === 0 &&
      this.sockets === 0 &&
      (this.requests?.isFull() ?? true) &&
      (this.newBoards?.isFull() ?? true) &&
      (this.newVersions?.isFull() ?? true) &&
      (this.adminFailures?.isFull() ?? true)
    );
  }
}

/** Records a refusal; true if it is the first of an episode. */
function refuse(state: AddressState): boolean {
  const first = !state.refusing;
  state.refusing = true;
  return first;
}

/** Counts one more open socket of a kind, unless `max` (0 = no limit) are open already. */
function take(state: AddressState, kind: 'connections' | 'sockets', max: number): Slot {
  if (max > 0 && state[kind] >= max) return { ok: false, firstRefusal: refuse(state) };
  state.refusing = false;
  state[kind]++;
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    state[kind]--;
  };
  return { ok: true, release };
}

function verdict(state: AddressState, bucket: TokenBucket): IpVerdict {
  if (bucket.take()) {
    state.refusing = false;
    return ADMITTED;
  }
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(bucket.msUntil() / 1000)), firstRefusal: refuse(state) };
}

/**
 * The relay's per-address bookkeeping. An address is forgotten once it is idle (its buckets
 * refilled, no websocket open), so memory follows the addresses active in the last few minutes.
 * At most `ipTrackedMax` are kept: past it, the least recently seen address without open
 * websockets is dropped, a fresh start for it but the lesser evil next to unbounded memory.
 * Addresses with open websockets or sockets are never dropped: their counts must stay exact.
 */
export class IpLimits {
  private readonly addresses = new Map<string, AddressState>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly settings: IpLimitSettings,
    private readonly now?: () => number,
  ) {
    this.sweeper = setInterval(() => this.sweep(), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  /** Addresses currently remembered. */
  get size(): number {
    return this.addresses.size;
  }

  /** Counts a new websocket from `key`, unless the address already has `ipMaxConnections` open. */
  openConnection(key: string): ConnectionSlot {
    const state = this.touch(key);
    const slot = take(state, 'connections', this.settings.ipMaxConnections);
    if (!slot.ok) return slot;
    state.output ??= new AddressOutput(this.settings.ipMaxSendBufferBytes);
    return { ...slot, output: state.output };
  }

  /** Counts a new TCP socket from `key` (HTTP or websocket), unless the address already has `ipMaxSockets` open. */
  openSocket(key: string): Slot {
    return take(this.touch(key), 'sockets', this.settings.ipMaxSockets);
  }

  /** Takes one API request from the address's budget. */
  takeRequest(key: string): IpVerdict {
    const { ipRequestsPerSecond: rate, ipRequestBurst: burst } = this.settings;
    if (rate <= 0) return ADMITTED;
    const state = this.touch(key);
    state.requests ??= new TokenBucket(rate, burst, this.now);
    return verdict(state, state.requests);
  }

  /** Takes one new board from the address's budget. */
  takeNewBoard(key: string): IpVerdict {
    const { ipNewBoardsPerHour: perHour, ipNewBoardBurst: burst } = this.settings;
    if (perHour <= 0) return ADMITTED;
    const state = this.touch(key);
    state.newBoards ??= new TokenBucket(perHour / 3600, burst, this.now);
    return verdict(state, state.newBoards);
  }

  /** Takes one saved version (a stored copy of a whole board) from the address's budget. */
  takeNewVersion(key: string): IpVerdict {
    const { ipNewVersionsPerHour: perHour, ipNewVersionBurst: burst } = this.settings;
    if (perHour <= 0) return ADMITTED;
    const state = this.touch(key);
    state.newVersions ??= new TokenBucket(perHour / 3600, burst, this.now);
    return verdict(state, state.newVersions);
  }

  /**
   * Whether the address may present an administrator secret now: refused once its wrong
   * secrets spent their budget, before the secret is even looked at. Takes nothing.
   */
  mayTryAdminSecret(key: string): IpVerdict {
    const bucket = this.adminBucket(key);
    if (bucket === null) return ADMITTED;
    const state = this.touch(key);
    const wait = bucket.msUntil();
    if (wait === 0) {
      state.refusingAdmin = false;
      return ADMITTED;
    }
    const firstRefusal = !state.refusingAdmin;
    state.refusingAdmin = true;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)), firstRefusal };
  }

  /** Charges one wrong (or missing) administrator secret to the address. */
  failedAdminSecret(key: string): void {
    this.adminBucket(key)?.take();
  }

  private adminBucket(key: string): TokenBucket | null {
    const { ipAdminFailuresPerHour: perHour, ipAdminFailureBurst: burst } = this.settings;
    if (perHour <= 0) return null;
    const state = this.touch(key);
    state.adminFailures ??= new TokenBucket(perHour / 3600, burst, this.now);
    return state.adminFailures;
  }

  /** Forgets every idle address (also run every minute). */
  sweep(): void {
    for (const [key, state] of this.addresses) if (state.isIdle()) this.addresses.delete(key);
  }

  /** Stops the periodic sweep (at shutdown). */
  stop(): void {
    clearInterval(this.sweeper);
  }

  /** The state of an address, moved to the most-recently-seen end; makes room first when full. */
  private touch(key: string): AddressState {
    let state = this.addresses.get(key);
    if (state !== undefined) {
      this.addresses.delete(key);
    } else {
      if (this.addresses.size >= this.settings.ipTrackedMax) this.makeRoom();
      state = new AddressState();
    }
    this.addresses.set(key, state);
    return state;
  }

  /** Drops the least recently seen address without websockets; no full sweep, or a flood of new addresses would make each request cost them all. */
  private makeRoom(): void {
    // Map order is least recently seen first.
    for (const [key, state] of this.addresses) {
      if (state.connections > 0 || state.sockets > 0) continue;
      this.addresses.delete(key);
      return;
    }
  }
}
