/** The matrix of one journey, derived from a board snapshot. */
import { cellId } from './layout';
import { stageHealth, type StageHealth } from './health';
import type { BoardSnapshot, Channel, Emotion, ExtraRowKind, Kpi, LaneCard, PainPoint, Stage, Touchpoint } from './types';

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

/** What surrounds the matrix of one journey, grouped by stage for the rows under it. */
export interface JourneyAround {
  kpisByStage: Map<string, Kpi[]>;
  painByStage: Map<string, PainPoint[]>;
  /** Keyed by `laneCardKey(row, stageId)`. */
  laneCards: Map<string, LaneCard[]>;
  emotions: Map<string, Emotion>;
  health: Map<string, StageHealth>;
  /** Red touchpoints of each stage that no pain point mentions yet: offered as pain points. */
  redUnlinked: Map<string, Touchpoint[]>;
}

/** The key of the extra-row cards of one row under one stage. */
export function laneCardKey(row: ExtraRowKind, stageId: string): string {
  return `${row}|${stageId}`;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Groups a journey's KPIs, pain points, extra-row cards, emotions and stage health by stage. */
export function journeyAround(board: BoardSnapshot, journeyId: string, stages: readonly Stage[]): JourneyAround {
  const mine = <T extends { journeyId: string | null }>(list: readonly T[]) => list.filter((x) => x.journeyId === journeyId);
  const touchpoints = mine(board.touchpoints);
  const painPoints = mine(board.painPoints);
  const emotions = mine(board.emotions);
  const linked = new Set(painPoints.flatMap((p) => p.touchpointIds));
  return {
    kpisByStage: groupBy(mine(board.kpis), (k) => k.stageId),
    painByStage: groupBy(painPoints, (p) => p.stageId),
    laneCards: groupBy(mine(board.laneCards), (c) => laneCardKey(c.row, c.stageId)),
    emotions: new Map(emotions.map((e) => [e.stageId, e])),
    health: new Map(stageHealth(stages, touchpoints, emotions).map((h) => [h.stageId, h])),
    redUnlinked: groupBy(
      touchpoints.filter((t) => t.evaluation === 'pain' && !linked.has(t.id)),
      (t) => t.stageId,
    ),
  };
}
