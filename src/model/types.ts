/** Plain records of a board, as read from the document. */

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

export interface Journey {
  id: string;
  name: string;
  kind: JourneyKind;
  order: string;
}

/** A column of the matrix (étape). */
export interface Stage {
  id: string;
  journeyId: string;
  name: string;
  order: string;
}

/** A row of the matrix (canal). */
export interface Channel {
  id: string;
  journeyId: string;
  name: string;
  order: string;
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
}

/** Everything a board holds, as plain objects. */
export interface BoardSnapshot {
  meta: BoardMeta;
  journeys: Journey[];
  stages: Stage[];
  channels: Channel[];
  touchpoints: Touchpoint[];
}

export function isEvaluation(value: unknown): value is Evaluation {
  return typeof value === 'string' && (EVALUATIONS as readonly string[]).includes(value);
}
