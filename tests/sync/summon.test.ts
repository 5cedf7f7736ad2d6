import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/model/roles';
import type { PeerActivity, Summon } from '../../src/sync/presence';
import { SUMMON_MAX_AGE_MS, SUMMON_MAX_AHEAD_MS, isTimelySummon, summonToApply } from '../../src/sync/summon';

const NOW = 1_700_000_000_000;
const JOINED = NOW - 5_000;

function peer(clientId: number, role: Role, at: number | null, isSelf = false): PeerActivity {
  const summon: Summon | null = at === null ? null : { at, viewport: { x: clientId, y: 0, zoom: 1 }, journeyId: null };
  return {
    clientId,
    id: `p${clientId}`,
    name: `P${clientId}`,
    color: '#2563eb',
    role,
    isSelf,
    cursor: null,
    viewport: null,
    editing: null,
    journeyId: null,
    summon,
  };
}

describe('summons', () => {
  it('follows a summon of another facilitator', () => {
    expect(summonToApply([peer(1, 'facilitator', NOW - 1000)], NOW, JOINED)?.viewport.x).toBe(1);
  });

  it('ignores summons announced by participants and viewers (the relay stamps the role)', () => {
    expect(summonToApply([peer(2, 'participant', NOW), peer(3, 'viewer', NOW)], NOW, JOINED)).toBeNull();
  });

  it('ignores its own summon', () => {
    expect(summonToApply([peer(1, 'facilitator', NOW, true)], NOW, JOINED)).toBeNull();
  });

  it('ignores summons stamped more than a minute ahead of the relay clock, or older than 30 s', () => {
    expect(isTimelySummon(NOW + SUMMON_MAX_AHEAD_MS, NOW)).toBe(true);
    expect(isTimelySummon(NOW + SUMMON_MAX_AHEAD_MS + 1, NOW)).toBe(false);
    expect(isTimelySummon(NOW - SUMMON_MAX_AGE_MS, NOW)).toBe(true);
    expect(isTimelySummon(NOW - SUMMON_MAX_AGE_MS - 1, NOW)).toBe(false);
    expect(summonToApply([peer(1, 'facilitator', NOW + 3_600_000)], NOW, JOINED)).toBeNull();
    expect(summonToApply([peer(1, 'facilitator', NOW - 40_000)], NOW, NOW - 60_000)).toBeNull();
  });

  it('ignores summons made before this page joined, or already applied', () => {
    expect(summonToApply([peer(1, 'facilitator', JOINED - 1)], NOW, JOINED)).toBeNull();
    expect(summonToApply([peer(1, 'facilitator', NOW - 1000)], NOW, NOW - 1000)).toBeNull();
  });

  it('lets a newer real summon win after a far-future one was announced', () => {
    // A far-future stamp is never applied, so it never becomes the bar the next summons must pass.
    const forged = peer(9, 'facilitator', NOW + 10 * 365 * 86_400_000);
    expect(summonToApply([forged], NOW, JOINED)).toBeNull();
    const real = summonToApply([forged, peer(1, 'facilitator', NOW + 10)], NOW + 20, JOINED);
    expect(real?.viewport.x).toBe(1);
    const next = summonToApply([forged, peer(1, 'facilitator', NOW + 5_000)], NOW + 5_010, real!.at);
    expect(next?.at).toBe(NOW + 5_000);
  });

  it('picks the newest of several facilitators, and a viewer cannot outbid them', () => {
    const picked = summonToApply(
      [peer(1, 'facilitator', NOW - 2000), peer(2, 'facilitator', NOW - 1000), peer(3, 'viewer', NOW + 30_000)],
      NOW,
      JOINED,
    );
    expect(picked?.viewport.x).toBe(2);
  });
});
