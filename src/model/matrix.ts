/** The matrix of one journey, derived from a board snapshot. */
import { cellId } from './layout';
import type { BoardSnapshot, Channel, Stage, Touchpoint } from './types';

export interface JourneyMatrix {
  stages: Stage[];
  channels: Channel[];
  /** cellId -> touchpoints of the cell, in order. */
  cellCards: Map<string, Touchpoint[]>;
  /** Touchpoints whose stage or channel no longer exists (e.g. deleted while a card was added). */
  unplaced: Touchpoint[];
}

/** Groups a journey's touchpoints by cell. Snapshot arrays are already sorted by order key. */
export function journeyMatrix(board: BoardSnapshot, journeyId: string): JourneyMatrix {
  const stages = board.stages.filter((s) => s.journeyId === journeyId);
  const channels = board.channels.filter((c) => c.journeyId === journeyId);
  const stageIds = new Set(stages.map((s) => s.id));
  const channelIds = new Set(channels.map((c) => c.id));
  const cellCards = new Map<string, Touchpoint[]>();
  const unplaced: Touchpoint[] = [];
  for (const t of board.touchpoints) {
    if (t.journeyId !== journeyId) continue;
    if (!stageIds.has(t.stageId) || !channelIds.has(t.channelId)) {
      unplaced.push(t);
      continue;
    }
    const key = cellId(t.stageId, t.channelId);
    const list = cellCards.get(key);
    if (list) list.push(t);
    else cellCards.set(key, [t]);
  }
  return { stages, channels, cellCards, unplaced };
}

/** Counts of touchpoints per evaluation, for a quick health read-out. */
export function evaluationCounts(touchpoints: readonly Touchpoint[]): Record<'delight' | 'improvable' | 'pain' | 'none', number> {
  const counts = { delight: 0, improvable: 0, pain: 0, none: 0 };
  for (const t of touchpoints) counts[t.evaluation ?? 'none']++;
  return counts;
}
