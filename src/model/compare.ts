/** Comparing two journeys (typically existing vs target) cell by cell. */
import type { BoardSnapshot, Channel, Evaluation, Stage, Touchpoint } from './types';

export type ChangeKind = 'added' | 'removed' | 'reevaluated' | 'reworded';

export interface TouchpointChange {
  kind: ChangeKind;
  /** The touchpoint in the compared journey (for 'removed': in the base journey). */
  touchpoint: Touchpoint;
  /** The matching touchpoint of the base journey, when there is one. */
  before: Touchpoint | null;
  /** Names of the cell, as shown in the compared journey (or the base one for removals). */
  stageName: string;
  channelName: string;
  /** Both kinds of change can apply to one card: a reworded card may also be re-evaluated. */
  reevaluated: boolean;
  reworded: boolean;
}

export interface JourneyComparison {
  changes: TouchpointChange[];
  /** Removed touchpoints grouped by the cell of the compared journey they would sit in, when it exists. */
  removedByCell: Map<string, Touchpoint[]>;
  /** Change of each touchpoint of the compared journey, by its id. */
  byTouchpoint: Map<string, TouchpointChange>;
  counts: Record<ChangeKind, number>;
}

const norm = (s: string) => s.trim().toLowerCase();

/**
 * What changed from journey `baseId` to journey `otherId`. Records copied from the base journey
 * carry its ids in `sourceId`; other lanes are matched by name, other cards by cell and text.
 */
export function compareJourneys(board: BoardSnapshot, baseId: string, otherId: string): JourneyComparison {
  const lanes = <T extends Stage | Channel>(list: readonly T[], journeyId: string) => list.filter((l) => l.journeyId === journeyId);
  const baseStages = lanes(board.stages, baseId);
  const baseChannels = lanes(board.channels, baseId);
  const otherStages = lanes(board.stages, otherId);
  const otherChannels = lanes(board.channels, otherId);
  // Map each base lane to its counterpart in the other journey.
  const match = <T extends Stage | Channel>(base: readonly T[], other: readonly T[]) => {
    const out = new Map<string, T>();
    for (const b of base) {
      const found = other.find((o) => o.sourceId === b.id) ?? other.find((o) => !o.sourceId && norm(o.name) === norm(b.name));
      if (found) out.set(b.id, found);
    }
    return out;
  };
  const stageMatch = match(baseStages, otherStages);
  const channelMatch = match(baseChannels, otherChannels);
  const name = (list: readonly (Stage | Channel)[], id: string) => list.find((l) => l.id === id)?.name ?? '';
  const baseCards = board.touchpoints.filter((t) => t.journeyId === baseId);
  const otherCards = board.touchpoints.filter((t) => t.journeyId === otherId);
  const unmatchedBase = new Map(baseCards.map((t) => [t.id, t]));
  const changes: TouchpointChange[] = [];
  const byTouchpoint = new Map<string, TouchpointChange>();

  for (const t of otherCards) {
    let before = t.sourceId ? (unmatchedBase.get(t.sourceId) ?? null) : null;
    if (!before) {
      before =
        [...unmatchedBase.values()].find(
          (b) => stageMatch.get(b.stageId)?.id === t.stageId && channelMatch.get(b.channelId)?.id === t.channelId && norm(b.text) === norm(t.text),
        ) ?? null;
    }
    if (before) unmatchedBase.delete(before.id);
    const reevaluated = !!before && (before.evaluation as Evaluation | null) !== t.evaluation;
    const reworded = !!before && norm(before.text) !== norm(t.text);
    const kind: ChangeKind | null = !before ? 'added' : reevaluated ? 'reevaluated' : reworded ? 'reworded' : null;
    if (!kind) continue;
    const change = { kind, touchpoint: t, before, stageName: name(otherStages, t.stageId), channelName: name(otherChannels, t.channelId), reevaluated, reworded };
    changes.push(change);
    byTouchpoint.set(t.id, change);
  }
  const removedByCell = new Map<string, Touchpoint[]>();
  for (const b of unmatchedBase.values()) {
    const stage = stageMatch.get(b.stageId);
    const channel = channelMatch.get(b.channelId);
    changes.push({
      kind: 'removed',
      touchpoint: b,
      before: b,
      stageName: stage?.name ?? name(baseStages, b.stageId),
      channelName: channel?.name ?? name(baseChannels, b.channelId),
      reevaluated: false,
      reworded: false,
    });
    if (stage && channel) {
      const key = `${stage.id}|${channel.id}`;
      removedByCell.set(key, [...(removedByCell.get(key) ?? []), b]);
    }
  }
  const counts = { added: 0, removed: 0, reevaluated: 0, reworded: 0 };
  for (const c of changes) counts[c.kind]++;
  return { changes, removedByCell, byTouchpoint, counts };
}
