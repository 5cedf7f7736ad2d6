/**
 * A stage's health from both sides: what its cards say (mostly green, orange or red) and whether
 * its KPIs are on target. The two can disagree, and that is worth a warning: cards mostly green
 * while most KPIs with a target are off it means the map is kinder than the numbers.
 */
import type { StageHealth } from './health';
import type { KpiStatus } from './kpi';

export type CardsVerdict = 'green' | 'orange' | 'red';

export interface CombinedHealth {
  /** What most evaluated cards say; null without evaluated cards. */
  cards: CardsVerdict | null;
  on: number;
  off: number;
  /** Good, to watch, or bad, from both; null with neither evaluated cards nor KPIs with a target. */
  overall: 'good' | 'watch' | 'bad' | null;
  /** Cards mostly green while more of its KPIs are off target than on. */
  kpisContradictCards: boolean;
}

/** What most evaluated cards of a stage say: more than half red is red, more than half green is green. */
export function cardsVerdict(h: StageHealth | null): CardsVerdict | null {
  const evaluated = h ? h.delight + h.improvable + h.pain : 0;
  if (!h || evaluated === 0) return null;
  if (h.pain / evaluated > 0.5) return 'red';
  if (h.delight / evaluated > 0.5) return 'green';
  return 'orange';
}

export function combinedHealth(h: StageHealth | null, statuses: readonly KpiStatus[]): CombinedHealth {
  const cards = cardsVerdict(h);
  const on = statuses.filter((s) => s === 'on').length;
  const off = statuses.filter((s) => s === 'off').length;
  const kpis = on + off === 0 ? null : off === 0 ? 'on' : on === 0 ? 'off' : 'mixed';
  let overall: CombinedHealth['overall'] = null;
  if (cards !== null || kpis !== null) {
    if (cards === 'red' || kpis === 'off') overall = 'bad';
    else if ((cards === null || cards === 'green') && (kpis === null || kpis === 'on')) overall = 'good';
    else overall = 'watch';
  }
  return { cards, on, off, overall, kpisContradictCards: cards === 'green' && off > on };
}
