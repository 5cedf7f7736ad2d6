/**
 * Filters on a journey's cards: each person's own way of looking at the map (the cards that
 * pass stay bright, the others dim). Within one criterion any choice passes; across criteria,
 * every one must.
 */
import { speaksAsCustomer } from './text';
import { EVALUATIONS, type BoardSnapshot, type Evaluation, type Severity, type Touchpoint } from './types';
import type { WorkshopSnapshot } from './workshop';

/** A card's evaluation, or 'none' for a card nobody has rated yet. */
export type EvaluationChoice = Evaluation | 'none';

export const EVALUATION_CHOICES: readonly EvaluationChoice[] = [...EVALUATIONS, 'none'];
export const SEVERITIES: readonly Severity[] = [1, 2, 3];

export interface CardFilters {
  evaluations: EvaluationChoice[];
  stageIds: string[];
  channelIds: string[];
  /** Only moments of truth. */
  momentOfTruth: boolean;
  /** Only cards with a comment thread that is not resolved. */
  unresolvedComments: boolean;
  /** Only cards with dots in a vote the team can see. */
  hasVotes: boolean;
  /** Only cards not written as the customer (« Je … »). */
  offVoice: boolean;
  /** Only cards linked to a pain point of one of these severities. */
  severities: Severity[];
}

export const NO_FILTERS: CardFilters = {
  evaluations: [],
  stageIds: [],
  channelIds: [],
  momentOfTruth: false,
  unresolvedComments: false,
  hasVotes: false,
  offVoice: false,
  severities: [],
};

/** How many criteria are set (the toolbar shows it). */
export function activeFilterCount(f: CardFilters): number {
  return [
    f.evaluations.length > 0,
    f.stageIds.length > 0,
    f.channelIds.length > 0,
    f.momentOfTruth,
    f.unresolvedComments,
    f.hasVotes,
    f.offVoice,
    f.severities.length > 0,
  ].filter(Boolean).length;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.length <= 64).slice(0, 500) : [];

/** Filters read back from storage: anything unknown or malformed is dropped, never thrown. */
export function parseCardFilters(raw: unknown): CardFilters {
  if (!raw || typeof raw !== 'object') return NO_FILTERS;
  const r = raw as Record<string, unknown>;
  const evaluations = strings(r.evaluations).filter((e): e is EvaluationChoice => (EVALUATION_CHOICES as readonly string[]).includes(e));
  const severities = Array.isArray(r.severities)
    ? r.severities.filter((s): s is Severity => (SEVERITIES as readonly unknown[]).includes(s))
    : [];
  return {
    evaluations: [...new Set(evaluations)],
    stageIds: strings(r.stageIds),
    channelIds: strings(r.channelIds),
    momentOfTruth: r.momentOfTruth === true,
    unresolvedComments: r.unresolvedComments === true,
    hasVotes: r.hasVotes === true,
    offVoice: r.offVoice === true,
    severities: [...new Set(severities)],
  };
}

/** The ids among `chosen` that name a lane of `lanes`: a stage chosen in another journey sets no condition here. */
function present(chosen: readonly string[], lanes: readonly { id: string; journeyId: string }[], journeyId: string): Set<string> {
  const here = new Set(lanes.filter((l) => l.journeyId === journeyId).map((l) => l.id));
  return new Set(chosen.filter((id) => here.has(id)));
}

/** Whether `filters` look at the cards' texts (then a text edit can change what matches). */
export function filtersReadText(filters: CardFilters): boolean {
  return filters.offVoice;
}

/** The ids of the cards of `journeyId` that pass `filters`. */
export function matchingCards(
  board: BoardSnapshot,
  workshop: Pick<WorkshopSnapshot, 'comments' | 'threads' | 'votes' | 'dots'>,
  journeyId: string,
  filters: CardFilters,
): Set<string> {
  const stages = present(filters.stageIds, board.stages, journeyId);
  const channels = present(filters.channelIds, board.channels, journeyId);
  const evaluations = new Set(filters.evaluations);
  const severities = new Set(filters.severities);
  const resolved = new Set(workshop.threads.filter((t) => t.resolved).map((t) => t.targetId));
  const commented = new Set(workshop.comments.filter((c) => !resolved.has(c.targetId)).map((c) => c.targetId));
  // Hidden dots stay hidden: a filter must not reveal a vote before the facilitator does.
  const shownVotes = new Set(workshop.votes.filter((v) => !v.hidden && !v.cleared).map((v) => v.id));
  const voted = new Set(workshop.dots.filter((d) => shownVotes.has(d.voteId)).map((d) => d.targetId));
  const severe = new Set(
    board.painPoints.filter((p) => p.journeyId === journeyId && severities.has(p.severity)).flatMap((p) => p.touchpointIds),
  );
  const passes = (t: Touchpoint) =>
    (evaluations.size === 0 || evaluations.has(t.evaluation ?? 'none')) &&
    (stages.size === 0 || stages.has(t.stageId)) &&
    (channels.size === 0 || channels.has(t.channelId)) &&
    (!filters.momentOfTruth || t.momentOfTruth) &&
    (!filters.unresolvedComments || commented.has(t.id)) &&
    (!filters.hasVotes || voted.has(t.id)) &&
    (!filters.offVoice || !speaksAsCustomer(t.text)) &&
    (severities.size === 0 || severe.has(t.id));
  return new Set(board.touchpoints.filter((t) => t.journeyId === journeyId && passes(t)).map((t) => t.id));
}
