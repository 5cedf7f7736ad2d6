/** Comparing two journeys (typically existing vs target) cell by cell. */
import { cellId } from './layout';
import type { BoardSnapshot, Channel, Evaluation, Stage, Touchpoint } from './types';

export type ChangeKind = 'added' | 'removed' | 'reevaluated' | 'reworded';

/** Display order of the kinds of change, in lists and on cards. */
export const CHANGE_KINDS: readonly ChangeKind[] = ['added', 'reevaluated', 'reworded', 'removed'];

export interface TouchpointChange {
  /**
   * What changed: 'added' or 'removed' alone, or 'reevaluated' and/or 'reworded' (both when a
   * card was rewritten and re-evaluated: neither may hide the other), in CHANGE_KINDS order.
   */
  kinds: readonly ChangeKind[];
  /** The touchpoint in the compared journey (for 'removed': in the base journey). */
  touchpoint: Touchpoint;
  /** The matching touchpoint of the base journey, when there is one. */
  before: Touchpoint | null;
  /** Names of the cell, as shown in the compared journey (or the base one for removals). */
  stageName: string;
  channelName: string;
}

export interface JourneyComparison {
  changes: TouchpointChange[];
  /** Removed touchpoints grouped by the cell (`cellId`) of the compared journey they would sit in, when it exists. */
  removedByCell: Map<string, Touchpoint[]>;
  /** Change of each touchpoint of the compared journey, by its id. */
  byTouchpoint: Map<string, TouchpointChange>;
  /** Cards per kind of change: a card both reworded and re-evaluated counts in both. */
  counts: Record<ChangeKind, number>;
}

/** Whether `change` includes `kind`. */
export const hasChange = (change: Pick<TouchpointChange, 'kinds'>, kind: ChangeKind) => change.kinds.includes(kind);

/** Cards per kind of change in `changes`, a card counted once under each of its kinds. */
export function countChanges(changes: readonly Pick<TouchpointChange, 'kinds'>[]): Record<ChangeKind, number> {
  const counts = { added: 0, removed: 0, reevaluated: 0, reworded: 0 };
  for (const c of changes) for (const k of c.kinds) counts[k]++;
  return counts;
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
          (b) =>
            stageMatch.get(b.stageId)?.id === t.stageId &&
            channelMatch.get(b.channelId)?.id === t.channelId &&
            norm(b.text) === norm(t.text),
        ) ?? null;
    }
    if (before) unmatchedBase.delete(before.id);
    const reevaluated = !!before && (before.evaluation as Evaluation | null) !== t.evaluation;
    const reworded = !!before && norm(before.text) !== norm(t.text);
    const kinds: ChangeKind[] = !before
      ? ['added']
      : [...(reevaluated ? ['reevaluated' as const] : []), ...(reworded ? ['reworded' as const] : [])];
    if (kinds.length === 0) continue;
    const change = { kinds, touchpoint: t, before, stageName: name(otherStages, t.stageId), channelName: name(otherChannels, t.channelId) };
    changes.push(change);
    byTouchpoint.set(t.id, change);
  }
  const removedByCell = new Map<string, Touchpoint[]>();
  for (const b of unmatchedBase.values()) {
    const stage = stageMatch.get(b.stageId);
    const channel = channelMatch.get(b.channelId);
    changes.push({
      kinds: ['removed'],
      touchpoint: b,
      before: b,
      stageName: stage?.name ?? name(baseStages, b.stageId),
      channelName: channel?.name ?? name(baseChannels, b.channelId),
    });
    if (stage && channel) {
      const key = cellId(stage.id, channel.id);
      removedByCell.set(key, [...(removedByCell.get(key) ?? []), b]);
    }
  }
  return { changes, removedByCell, byTouchpoint, counts: countChanges(changes) };
}
