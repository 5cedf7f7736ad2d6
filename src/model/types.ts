/** Plain records of a board, as read from the document. */
import type { CrmMetric } from './crmPipeline';
import type { KpiDirection } from './kpi';
import type { CardFilters } from './cardFilters';

/** How a touchpoint is experienced: green / orange / red on the wall. */
export type Evaluation = 'delight' | 'improvable' | 'pain';

export const EVALUATIONS: readonly Evaluation[] = ['delight', 'improvable', 'pain'];

/** Whether a journey maps today's experience or the one the team aims for. */
export type JourneyKind = 'existing' | 'target';

/** The two kinds of lanes of the matrix: stages are columns, channels are rows. */
export type LaneKind = 'stages' | 'channels';

export interface BoardMeta {
  schemaVersion: number;
  title: string;
  createdAt: number;
}

/** The optional extra rows a journey can show under the matrix, one short card per stage. */
export type ExtraRowKind = 'does' | 'thinks' | 'needs' | 'opportunities';

export const EXTRA_ROWS: readonly ExtraRowKind[] = ['does', 'thinks', 'needs', 'opportunities'];

/** The framing card (cadrage) of a journey. */
export interface Framing {
  objective: string;
  perimeter: string;
  segment: string;
  horizon: string;
  stakeholders: string;
}

export const FRAMING_FIELDS: readonly (keyof Framing)[] = ['objective', 'perimeter', 'segment', 'horizon', 'stakeholders'];

export interface Journey {
  id: string;
  name: string;
  kind: JourneyKind;
  order: string;
  /** The persona whose journey this is, or null. */
  personaId: string | null;
  framing: Framing;
  /** Extra rows shown for this journey (off by default). */
  extraRows: ExtraRowKind[];
}

/** A semi-fictional customer profile, shared by the journeys of a board. */
export interface Persona {
  id: string;
  name: string;
  role: string;
  description: string;
  goals: string;
  frustrations: string;
  /** An emoji or initials. */
  avatar: string;
  order: string;
}

/** A column of the matrix (étape). */
export interface Stage {
  id: string;
  journeyId: string;
  name: string;
  order: string;
  /** Who is responsible for this stage. */
  owner: string;
  /** The stage this one was copied from (journey copies), if any. */
  sourceId?: string;
}

/** A row of the matrix (canal). */
export interface Channel {
  id: string;
  journeyId: string;
  name: string;
  order: string;
  /** Who is responsible for this channel. */
  owner: string;
  /** The channel this one was copied from (journey copies), if any. */
  sourceId?: string;
}

/** One card at the intersection of a stage and a channel. */
export interface Touchpoint {
  id: string;
  journeyId: string;
  stageId: string;
  channelId: string;
  text: string;
  evaluation: Evaluation | null;
  order: string;
  /** A moment of truth: one of the few touchpoints that make or break the relationship. */
  momentOfTruth: boolean;
  /** The touchpoint this one was copied from (journey copies), if any. */
  sourceId?: string;
  /** Marks the example cards of a template, until someone edits them. */
  example?: boolean;
}

/**
 * A key performance indicator of a stage: its definition. Its dated values live in the relay's
 * database, not in the document (src/model/metrics.ts).
 */
export interface Kpi {
  id: string;
  journeyId: string;
  stageId: string;
  name: string;
  /**
   * A value typed before KPIs had a history, as written (« 32 », « 72 % »). A facilitator's copy
   * moves a numeric one into the series, dated `currentDate`, then clears it; anything else stays.
   */
  current: string;
  /** The day `current` was known at (`YYYY-MM-DD`: the day the board was upgraded), or ''. */
  currentDate: string;
  /** The target as written; `parseNumber` reads the number in it. */
  target: string;
  unit: string;
  /** Whether a higher or a lower value is better. */
  direction: KpiDirection;
  /** Days after which the latest value is stale (35 for a monthly KPI). */
  refreshDays: number;
  /** What a CRM pipeline import computes into it, for a KPI it made (the funnel reads these). */
  metric?: CrmMetric;
  order: string;
}

/** How the customer feels at a stage: a score from -2 to +2 and words. One per stage. */
export interface Emotion {
  /** The stage's id (an emotion record is keyed by it). */
  stageId: string;
  journeyId: string;
  score: number;
  words: string;
}

// The score ranges are limits, owned by limits.ts; named here too for the readers of the types.
export { EMOTION_MAX, EMOTION_MIN, SCORE_MAX, SCORE_MIN } from './limits';

/** Severity of a pain point: 1 minor, 2 major, 3 critical (a breaking point). */
export type Severity = 1 | 2 | 3;

/** A pain point (irritant) of a stage, possibly linked to the touchpoints it concerns. */
export interface PainPoint {
  id: string;
  journeyId: string;
  stageId: string;
  text: string;
  severity: Severity;
  touchpointIds: string[];
  order: string;
}

/** A short card of an extra row (does / thinks / needs / opportunities) under a stage. */
export interface LaneCard {
  id: string;
  journeyId: string;
  stageId: string;
  row: ExtraRowKind;
  text: string;
  order: string;
}

export type ActionStatus = 'todo' | 'doing' | 'done';

export const ACTION_STATUSES: readonly ActionStatus[] = ['todo', 'doing', 'done'];

/** A priority action: the workshop's output. */
export interface Action {
  id: string;
  /** The journey it came from, or null for the whole board. */
  journeyId: string | null;
  title: string;
  owner: string;
  /** ISO date (YYYY-MM-DD) or ''. */
  due: string;
  status: ActionStatus;
  impact: number;
  effort: number;
  /**
   * Whether someone has put it on the impact / effort matrix. A new action waits, unplaced,
   * until the team decides: its scores mean nothing before. Absent in older boards: placed.
   */
  placed: boolean;
  /** Ids of the pain points and touchpoints it addresses. */
  links: string[];
  order: string;
  /** When it was added, ms since the epoch; absent in older boards (its KPIs' trend is then read over the quarter). */
  createdAt?: number;
}

/** A rectangle of the canvas, in flow coordinates (so a view fits whatever screen shows it). */
export interface FlowRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A saved view for presenting: a journey, the part of its map to show and the card filters to
 * apply, named and ordered by the facilitator who prepared it.
 */
export interface SavedView {
  id: string;
  name: string;
  journeyId: string;
  rect: FlowRect;
  filters: CardFilters;
  order: string;
}

/** Everything a board holds, as plain objects. */
export interface BoardSnapshot {
  meta: BoardMeta;
  journeys: Journey[];
  stages: Stage[];
  channels: Channel[];
  touchpoints: Touchpoint[];
  personas: Persona[];
  kpis: Kpi[];
  emotions: Emotion[];
  painPoints: PainPoint[];
  laneCards: LaneCard[];
  actions: Action[];
  views: SavedView[];
}

export function isEvaluation(value: unknown): value is Evaluation {
  return typeof value === 'string' && (EVALUATIONS as readonly string[]).includes(value);
}
