/**
 * Which "bring everyone here" to follow. Only a facilitator may summon (the relay stamps each
 * presence state with the role of the connection that sent it, so `role` can be trusted), never
 * ourselves; and its time, on the relay's clock, must be plausible, so that a far-future stamp
 * cannot silence the summons that come after it.
 */
import { capabilitiesOf } from '../model/roles';
import { setActivity, type PeerActivity, type Summon } from './presence';
import { relayNow } from './relayClock';

/** A summon stamped further ahead of the relay's clock than this is ignored. */
export const SUMMON_MAX_AHEAD_MS = 60_000;
/** A summon older than this is stale (someone who summoned a while ago and is still here). */
export const SUMMON_MAX_AGE_MS = 30_000;

/** Whether a summon made at `at` is plausible at relay time `now`. */
export function isTimelySummon(at: number, now: number): boolean {
  return at <= now + SUMMON_MAX_AHEAD_MS && at >= now - SUMMON_MAX_AGE_MS;
}

/**
 * The summon to apply at relay time `now`, if any: the newest timely summon of another
 * facilitator made after `after` (when we joined, or the summon last applied).
 */
export function summonToApply(peers: readonly PeerActivity[], now: number, after: number): Summon | null {
  let best: Summon | null = null;
  for (const p of peers) {
    const s = p.summon;
    if (p.isSelf || !capabilitiesOf(p.role).canFacilitate || !s || s.at <= after || !isTimelySummon(s.at, now)) continue;
    if (!best || s.at > best.at) best = s;
  }
  return best;
}

/** Asks everyone to look at what this facilitator looks at (stamped with the relay's time). */
export function summonEveryone(awareness: Parameters<typeof setActivity>[0], viewport: Summon['viewport'], journeyId: string | null): void {
  setActivity(awareness, 'summon', { viewport, journeyId, at: relayNow() });
}
