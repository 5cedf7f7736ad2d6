/**
 * The poster of a journey, as plain data: everything a printed map shows (title block, matrix,
 * emotion curve, pain points, owners and KPIs, extra rows, framing, priority actions), picked
 * and ordered from a board snapshot. Pure; the poster components only lay it out.
 */
import { QUADRANTS, placementOf, type Placement } from './actions';
import { journeyMatrix } from './matrix';
import { smoothCurve } from './curve';
import { cellId } from './layout';
import type {
  Action,
  BoardSnapshot,
  Emotion,
  ExtraRowKind,
  Framing,
  JourneyKind,
  Kpi,
  LaneCard,
  PainPoint,
  Persona,
  Touchpoint,
} from './types';
import { EMOTION_MAX, EMOTION_MIN, EXTRA_ROWS, FRAMING_FIELDS } from './types';

/** The groups of the poster's priority actions: the four quadrants, then the actions not placed yet. */
export const ACTION_GROUPS: readonly Placement[] = [...QUADRANTS, 'unplaced'];

export interface PosterStage {
  id: string;
  name: string;
  owner: string;
  emotion: Emotion | null;
  /** Worst first. */
  painPoints: PainPoint[];
  kpis: Kpi[];
  extra: Record<ExtraRowKind, LaneCard[]>;
}

export interface PosterChannel {
  id: string;
  name: string;
  owner: string;
  /** One list of cards per stage, in stage order. */
  cells: Touchpoint[][];
}

export interface PosterAction extends Action {
  quadrant: Placement;
}

export interface PosterModel {
  title: string;
  journey: { name: string; kind: JourneyKind };
  persona: Persona | null;
  /** ISO date (YYYY-MM-DD) of the export. */
  date: string;
  version: string;
  framing: { field: keyof Framing; text: string }[];
  stages: PosterStage[];
  channels: PosterChannel[];
  /** Which optional rows the poster shows. */
  rows: { emotions: boolean; painPoints: boolean; kpis: boolean; owners: boolean; extra: ExtraRowKind[] };
  actions: PosterAction[];
  /**
   * Key figures. `pain` counts the cards evaluated red; `painPoints` the pain points written in
   * the Irritants row: two different things, named apart on the poster.
   */
  counts: {
    delight: number;
    improvable: number;
    pain: number;
    none: number;
    touchpoints: number;
    momentsOfTruth: number;
    painPoints: number;
  };
  unplaced: Touchpoint[];
  /** The stages shown when the poster holds only part of the journey (1-based, inclusive), and how many there are. */
  part: { from: number; to: number; of: number } | null;
}

/** The stages a poster may be limited to (1-based, inclusive): a journey too wide for its paper is printed in parts. */
export interface StageRange {
  from: number;
  to: number;
}

function byStage<T extends { stageId: string; journeyId: string | null }>(list: readonly T[], journeyId: string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of list) {
    if (item.journeyId !== journeyId) continue;
    const l = out.get(item.stageId);
    if (l) l.push(item);
    else out.set(item.stageId, [item]);
  }
  return out;
}

/** `range` within 1…`count`, or null when it covers every stage (or there is nothing to cut). */
export function clampStageRange(range: StageRange | null | undefined, count: number): StageRange | null {
  if (!range || count === 0) return null;
  const from = Math.min(Math.max(1, Math.round(range.from)), count);
  const to = Math.min(Math.max(from, Math.round(range.to)), count);
  return from === 1 && to === count ? null : { from, to };
}

/** Everything the poster of `journeyId` shows; with `stages`, only those stages (and what sits under them). */
export function posterModel(
  board: BoardSnapshot,
  journeyId: string,
  options: { date: string; version?: string; stages?: StageRange | null },
): PosterModel {
  const journey = board.journeys.find((j) => j.id === journeyId);
  const whole = journeyMatrix(board, journeyId);
  const range = clampStageRange(options.stages, whole.stages.length);
  const matrix = range ? { ...whole, stages: whole.stages.slice(range.from - 1, range.to) } : whole;
  const painByStage = byStage(board.painPoints, journeyId);
  const kpiByStage = byStage(board.kpis, journeyId);
  const cardsByStage = byStage(board.laneCards, journeyId);
  const emotions = new Map(board.emotions.filter((e) => e.journeyId === journeyId).map((e) => [e.stageId, e]));
  const stages: PosterStage[] = matrix.stages.map((s) => {
    const laneCards = cardsByStage.get(s.id) ?? [];
    return {
      id: s.id,
      name: s.name,
      owner: s.owner,
      emotion: emotions.get(s.id) ?? null,
      painPoints: [...(painByStage.get(s.id) ?? [])].sort((a, b) => b.severity - a.severity),
      kpis: kpiByStage.get(s.id) ?? [],
      extra: Object.fromEntries(EXTRA_ROWS.map((row) => [row, laneCards.filter((c) => c.row === row)])) as Record<ExtraRowKind, LaneCard[]>,
    };
  });
  const channels: PosterChannel[] = matrix.channels.map((c) => ({
    id: c.id,
    name: c.name,
    owner: c.owner,
    cells: matrix.stages.map((s) => matrix.cellCards.get(cellId(s.id, c.id)) ?? []),
  }));
  const placed = channels.flatMap((c) => c.cells.flat());
  const painPoints = stages.reduce((n, s) => n + s.painPoints.length, 0);
  const counts = { delight: 0, improvable: 0, pain: 0, none: 0, touchpoints: placed.length, momentsOfTruth: 0, painPoints };
  for (const t of placed) {
    counts[t.evaluation ?? 'none']++;
    if (t.momentOfTruth) counts.momentsOfTruth++;
  }
  const shownRows = journey?.extraRows ?? [];
  const rank = (a: PosterAction) => ACTION_GROUPS.indexOf(a.quadrant);
  const actions = board.actions
    .filter((a) => a.journeyId === journeyId || a.journeyId === null)
    .map((a) => ({ ...a, quadrant: placementOf(a) }))
    .sort((a, b) => rank(a) - rank(b) || b.impact - a.impact || a.effort - b.effort);
  return {
    title: board.meta.title,
    journey: { name: journey?.name ?? '', kind: journey?.kind ?? 'existing' },
    persona: board.personas.find((p) => p.id === journey?.personaId) ?? null,
    date: options.date,
    version: options.version?.trim() ?? '',
    framing: FRAMING_FIELDS.map((field) => ({ field, text: journey?.framing[field]?.trim() ?? '' })).filter((f) => f.text),
    stages,
    channels,
    rows: {
      emotions: stages.some((s) => s.emotion),
      painPoints: stages.some((s) => s.painPoints.length > 0),
      kpis: stages.some((s) => s.kpis.length > 0),
      owners: stages.some((s) => s.owner) || channels.some((c) => c.owner),
      extra: EXTRA_ROWS.filter((row) => shownRows.includes(row) || stages.some((s) => s.extra[row].length > 0)),
    },
    actions,
    counts,
    unplaced: matrix.unplaced,
    part: range ? { ...range, of: whole.stages.length } : null,
  };
}

export interface CurvePoint {
  /** Centre of the stage column, in stage units (stage i is centred on i + 0.5). */
  x: number;
  /** 0 at the top (+2) to 1 at the bottom (−2). */
  y: number;
  score: number;
  index: number;
}

/** The points of the emotion curve: one per stage that has a score. */
export function emotionPoints(stages: readonly Pick<PosterStage, 'emotion'>[]): CurvePoint[] {
  const span = EMOTION_MAX - EMOTION_MIN;
  return stages.flatMap((s, index) =>
    s.emotion ? [{ x: index + 0.5, y: (EMOTION_MAX - s.emotion.score) / span, score: s.emotion.score, index }] : [],
  );
}

/**
 * A smooth SVG path through the points (Catmull-Rom turned into cubic Béziers), in a box
 * `width` wide and `height` tall where x is in stage units scaled by `width / stages`.
 */
export function smoothPath(points: readonly CurvePoint[], stages: number, width: number, height: number): string {
  if (points.length === 0 || stages === 0) return '';
  const scaled = points.map((pt) => ({ x: (pt.x / stages) * width, y: pt.y * height }));
  // Keep the curve inside the band: control points never overshoot the scale.
  return smoothCurve(scaled, 0, height, (n) => Math.round(n * 100) / 100);
}

/** Width (CSS px) of the poster's row-label column, and the narrowest a stage column may be laid out. */
export const POSTER_LABEL_WIDTH = 220;
export const POSTER_MIN_STAGE_WIDTH = 230;

/**
 * The poster's content width (CSS px) to try first for `stages` columns: wide enough for
 * readable cards, and the bounds of the search for the width whose height fits the paper.
 */
export function posterWidthRange(stages: number, labelWidth = POSTER_LABEL_WIDTH): { min: number; max: number } {
  const n = Math.max(stages, 1);
  return { min: labelWidth + n * POSTER_MIN_STAGE_WIDTH, max: labelWidth + n * 1400 };
}

/**
 * How to place content of `content` CSS px on a page of `page` pixels with `margin` pixels:
 * the scale (page px per CSS px) and the offsets that centre it.
 */
export function fitToPage(
  content: { width: number; height: number },
  page: { width: number; height: number },
  margin: number,
): { scale: number; x: number; y: number } {
  const scale = Math.min((page.width - 2 * margin) / content.width, (page.height - 2 * margin) / content.height);
  return { scale, x: (page.width - content.width * scale) / 2, y: (page.height - content.height * scale) / 2 };
}

/** The blank margin around the poster, in output pixels: 2.5 % of the shorter side. */
export function posterMargin(page: { width: number; height: number }): number {
  return Math.round(Math.min(page.width, page.height) * 0.025);
}

/** Rows per strip so that one strip stays under `maxPixels` (default 16 M pixels, 64 MB of RGBA). */
export function stripRows(width: number, height: number, maxPixels = 16_000_000): number {
  return Math.max(1, Math.min(height, Math.floor(maxPixels / width)));
}
