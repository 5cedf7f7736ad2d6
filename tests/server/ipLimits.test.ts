import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { addressKey, clientAddress } from '../../server/clientAddress';
import { IpLimits, type IpLimitSettings } from '../../server/ipLimits';

const SETTINGS: IpLimitSettings = {
  ipMaxConnections: 2,
  ipMaxSockets: 3,
  ipMaxSendBufferBytes: 0,
  ipRequestsPerSecond: 10,
  ipRequestBurst: 3,
  ipNewBoardsPerHour: 3600,
  ipNewBoardBurst: 2,
  ipNewVersionsPerHour: 3600,
  ipNewVersionBurst: 1,
  ipAdminFailuresPerHour: 3600,
  ipAdminFailureBurst: 2,
  ipTrackedMax: 1000,
};

function manualClock(): { now: () => number; advance: (ms: number) => void } {
  let t = 0;
  return { now: () => t, advance: (ms) => (t += ms) };
}

const made: IpLimits[] = [];
function limits(overrides: Partial<IpLimitSettings> = {}, now?: () => number): IpLimits {
  const l = new IpLimits({ ...SETTINGS, ...overrides }, now);
  made.push(l);
  return l;
}
afterEach(() => made.splice(0).forEach((l) => l.stop()));

describe('IpLimits', () => {
  it('caps concurrent websockets per address and frees a slot once, however often it is released', () => {
    const l = limits();
    const a = l.openConnection('1.1.1.1');
    const b = l.openConnection('1.1.1.1');
    expect(l.openConnection('1.1.1.1').ok).toBe(false);
    expect(l.openConnection('2.2.2.2').ok).toBe(true);
    if (!a.ok || !b.ok) throw new Error('expected slots');
    a.release();
    a.release();
    expect(l.openConnection('1.1.1.1').ok).toBe(true);
    expect(l.openConnection('1.1.1.1').ok).toBe(false);
  });

  it('counts TCP sockets apart from websockets, and never forgets an address that holds one', () => {
    const l = limits({ ipTrackedMax: 1 });
    const held = [l.openSocket('a'), l.openSocket('a'), l.openSocket('a')];
    expect(l.openSocket('a').ok).toBe(false);
    expect(l.openConnection('a').ok).toBe(true); // a websocket is counted in both, by its own rule
    l.takeRequest('b');
    l.sweep();
    expect(l.openSocket('a').ok).toBe(false);
    for (const slot of held) if (slot.ok) slot.release();
    expect(l.openSocket('a').ok).toBe(true);
  });

  it('says when to come back, and flags only the first refusal of an episode for the log', () => {
    const clock = manualClock();
    const l = limits({}, clock.now);
    for (let i = 0; i < 3; i++) expect(l.takeRequest('1.1.1.1')).toEqual({ ok: true });
    expect(l.takeRequest('1.1.1.1')).toEqual({ ok: false, retryAfterSeconds: 1, firstRefusal: true });
    expect(l.takeRequest('1.1.1.1')).toMatchObject({ ok: false, firstRefusal: false });
    clock.advance(100);
    expect(l.takeRequest('1.1.1.1')).toEqual({ ok: true });
    expect(l.takeRequest('1.1.1.1')).toMatchObject({ ok: false, firstRefusal: true });
  });

  it('forgets an address once its buckets are full again and it has no websocket open', () => {
    const clock = manualClock();
    const l = limits({}, clock.now);
    l.takeRequest('1.1.1.1');
    l.takeNewBoard('2.2.2.2');
    l.takeNewVersion('4.4.4.4');
    const slot = l.openConnection('3.3.3.3');
    l.sweep();
    expect(l.size).toBe(4);
    clock.advance(1000); // requests refilled (10/s); one new board or version takes 1 s at 3600/h
    l.sweep();
    expect(l.size).toBe(1);
    if (slot.ok) slot.release();
    l.sweep();
    expect(l.size).toBe(0);
  });

  it('refuses an address whose wrong administrator secrets spent their burst, until one refills; right ones cost nothing', () => {
    const clock = manualClock();
    const l = limits({}, clock.now); // burst 2, 3600 an hour
    for (let i = 0; i < 5; i++) expect(l.mayTryAdminSecret('1.1.1.1').ok).toBe(true); // trying is free
    l.failedAdminSecret('1.1.1.1');
    l.failedAdminSecret('1.1.1.1');
    expect(l.mayTryAdminSecret('1.1.1.1')).toEqual({ ok: false, retryAfterSeconds: 1, firstRefusal: true });
    expect(l.mayTryAdminSecret('1.1.1.1')).toMatchObject({ ok: false, firstRefusal: false });
    expect(l.mayTryAdminSecret('2.2.2.2').ok).toBe(true);
    clock.advance(1000);
    expect(l.mayTryAdminSecret('1.1.1.1').ok).toBe(true);
    // An address with failures is remembered until its bucket is full again.
    l.sweep();
    expect(l.size).toBe(1);
    clock.advance(1000);
    l.sweep();
    expect(l.size).toBe(0);
    // Off at 0.
    const open = limits({ ipAdminFailuresPerHour: 0 });
    for (let i = 0; i < 5; i++) open.failedAdminSecret('1.1.1.1');
    expect(open.mayTryAdminSecret('1.1.1.1').ok).toBe(true);
  });

  it('never tracks more than ipTrackedMax idle addresses, dropping the least recently seen first', () => {
    const l = limits({ ipTrackedMax: 3, ipRequestBurst: 1 });
    for (const address of ['a', 'b', 'c']) l.takeRequest(address);
    l.takeRequest('a'); // a is now the most recent (and refused: its bucket held one)
    l.takeRequest('d');
    expect(l.size).toBe(3);
    expect(l.takeRequest('a').ok).toBe(false); // a was kept, its bucket still empty
    expect(l.takeRequest('b').ok).toBe(true); // b was forgotten: a fresh bucket
  });

  it('never forgets an address with open websockets, so its count stays exact', () => {
    const l = limits({ ipTrackedMax: 2, ipMaxConnections: 1 });
    l.openConnection('a');
    l.openConnection('b');
    for (let i = 0; i < 50; i++) l.takeRequest(`flood-${i}`);
    expect(l.openConnection('a').ok).toBe(false);
    expect(l.openConnection('b').ok).toBe(false);
  });

  it('turns each limit off at 0', () => {
    const l = limits({ ipMaxConnections: 0, ipMaxSockets: 0, ipRequestsPerSecond: 0, ipNewBoardsPerHour: 0, ipNewVersionsPerHour: 0 });
    for (let i = 0; i < 100; i++) {
      expect(l.openConnection('a').ok).toBe(true);
      expect(l.openSocket('a').ok).toBe(true);
      expect(l.takeRequest('a').ok).toBe(true);
      expect(l.takeNewBoard('a').ok).toBe(true);
      expect(l.takeNewVersion('a').ok).toBe(true);
    }
  });
});

describe('addressKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::ffff:cb00:7107', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:DB8:1:2::99', '2001:db8:1:2::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('keys %s as %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });
});

describe('clientAddress', () => {
  const request = (remoteAddress: string, forwarded?: string | string[]) =>
    ({ socket: { remoteAddress }, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } }) as unknown as IncomingMessage;

  it("is the socket's peer unless proxies are trusted", () => {
    expect(clientAddress(request('10.0.0.1', '203.0.113.7'), 0)).toBe('10.0.0.1');
  });

  it('takes the entry written by the outermost trusted proxy', () => {
    expect(clientAddress(request('10.0.0.1', '192.0.2.1, 203.0.113.7'), 1)).toBe('203.0.113.7');
    expect(clientAddress(request('10.0.0.1', '192.0.2.1, 203.0.113.7, 10.0.0.2'), 2)).toBe('203.0.113.7');
    expect(clientAddress(request('10.0.0.1', ['192.0.2.1', '203.0.113.7']), 1)).toBe('203.0.113.7');
  });

  it('falls back to the peer when the header is missing or not an address', () => {
    expect(clientAddress(request('10.0.0.1'), 1)).toBe('10.0.0.1');
    expect(clientAddress(request('10.0.0.1', 'evil, not-an-ip'), 1)).toBe('10.0.0.1');
  });
});
