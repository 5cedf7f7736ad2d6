/** Stage health: how its touchpoints are evaluated, and whether the map contradicts itself. */
import type { Emotion, Stage, Touchpoint } from './types';

export interface StageHealth {
  stageId: string;
  delight: number;
  improvable: number;
  pain: number;
  none: number;
  total: number;
  /** The emotion score is positive while most evaluated touchpoints are red. */
  contradiction: boolean;
}

/** Health of every stage of a journey, in stage order. */
export function stageHealth(stages: readonly Stage[], touchpoints: readonly Touchpoint[], emotions: readonly Emotion[]): StageHealth[] {
  const scores = new Map(emotions.map((e) => [e.stageId, e.score]));
  const health = stages.map((stage) => ({
    stageId: stage.id,
    delight: 0,
    improvable: 0,
    pain: 0,
    none: 0,
    total: 0,
    contradiction: false,
  }));
  // One pass over the touchpoints, not one per stage: a journey may hold thousands.
  const byStage = new Map(health.map((h) => [h.stageId, h]));
  for (const t of touchpoints) {
    const h = byStage.get(t.stageId);
    if (!h) continue;
    h[t.evaluation ?? 'none']++;
    h.total++;
  }
  for (const h of health) {
    const evaluated = h.delight + h.improvable + h.pain;
    h.contradiction = (scores.get(h.stageId) ?? 0) >= 1 && evaluated > 0 && h.pain / evaluated > 0.5;
  }
  return health;
}
