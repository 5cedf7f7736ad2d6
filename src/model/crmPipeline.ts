/**
 * A CRM pipeline export turned into stage KPIs. The export lists when each deal (or ticket)
 * entered each CRM stage; the board's stages are mapped from the CRM's names once. Then, per
 * month and per board stage:
 * - volume: deals entering the stage that month (a deal counts once per stage, on its first entry);
 * - conversion: of those, the share that went on to any later stage of the journey (a deal may
 *   skip a stage), as a percentage; it grows while the month's deals are still open, and a new
 *   import of a later export rewrites it;
 * - median time in stage: for those that went on, the median number of days between entering the
 *   stage and entering the next one they reached.
 * Each value is dated the last day of its month.
 */
import { dayFromNumber, dayNumber } from './kpi';

/** The three KPIs an export gives each stage. */
export type CrmMetric = 'volume' | 'conversion' | 'medianDays';

export const CRM_METRICS: readonly CrmMetric[] = ['volume', 'conversion', 'medianDays'];

export function isCrmMetric(value: unknown): value is CrmMetric {
  return typeof value === 'string' && (CRM_METRICS as readonly string[]).includes(value);
}

/** One row of the export: a deal entered a CRM stage on a day (`YYYY-MM-DD`). */
export interface StageEntry {
  deal: string;
  crmStage: string;
  date: string;
}

/** CRM stage name → board stage id; a name left out is ignored. */
export type StageMapping = Record<string, string>;

/** The values of one metric of one board stage, by day (the last of each month). */
export type MetricSeries = { date: string; value: number }[];

export type PipelineMetrics = Record<string, Record<CrmMetric, MetricSeries>>;

/** The last day of the month of `day`. */
export function monthEnd(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return dayFromNumber(Math.round(Date.UTC(y, m, 1) / 86_400_000) - 1);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Computes every stage's monthly volume, conversion and median time from the entries.
 * `stageOrder` is the journey's stages, left to right; stages without entries get no values.
 */
export function pipelineMetrics(entries: readonly StageEntry[], mapping: StageMapping, stageOrder: readonly string[]): PipelineMetrics {
  const index = new Map(stageOrder.map((id, i) => [id, i]));
  // For each deal, the day it first entered each board stage.
  const deals = new Map<string, Map<number, number>>();
  for (const e of entries) {
    const stageId = mapping[e.crmStage];
    const at = stageId === undefined ? undefined : index.get(stageId);
    if (at === undefined) continue;
    const day = dayNumber(e.date);
    const stages = deals.get(e.deal) ?? new Map<number, number>();
    const known = stages.get(at);
    if (known === undefined || day < known) stages.set(at, day);
    deals.set(e.deal, stages);
  }
  type Cohort = { entered: number; advanced: number; days: number[] };
  const cohorts = stageOrder.map(() => new Map<string, Cohort>());
  for (const stages of deals.values()) {
    for (const [at, day] of stages) {
      const month = monthEnd(dayFromNumber(day));
      const cohort = cohorts[at]!.get(month) ?? { entered: 0, advanced: 0, days: [] };
      cohort.entered++;
      // The next stage this deal reached, on or after the day it entered this one.
      let next: number | null = null;
      for (const [later, laterDay] of stages) if (later > at && laterDay >= day && (next === null || laterDay < next)) next = laterDay;
      if (next !== null) {
        cohort.advanced++;
        cohort.days.push(next - day);
      }
      cohorts[at]!.set(month, cohort);
    }
  }
  const out: PipelineMetrics = {};
  // A stage after which no stage is mapped has nothing to convert to: it is the export's last.
  const lastMapped = Math.max(-1, ...Object.values(mapping).map((id) => index.get(id) ?? -1));
  stageOrder.forEach((stageId, at) => {
    const months = [...cohorts[at]!].sort(([a], [b]) => a.localeCompare(b));
    if (months.length === 0) return;
    const isLast = at >= lastMapped;
    out[stageId] = {
      volume: months.map(([date, c]) => ({ date, value: c.entered })),
      // The last mapped stage has no next one to convert to, nor a time spent before it.
      conversion: isLast ? [] : months.map(([date, c]) => ({ date, value: round((100 * c.advanced) / c.entered, 1) })),
      medianDays: isLast ? [] : months.filter(([, c]) => c.days.length > 0).map(([date, c]) => ({ date, value: round(median(c.days), 1) })),
    };
  });
  return out;
}

/** The CRM's stage names in an export, in order of first appearance. */
export function crmStageNames(entries: readonly StageEntry[]): string[] {
  return [...new Set(entries.map((e) => e.crmStage))];
}

/** A mapping to start from: the remembered one, else board stages whose name is the CRM's (case and accents aside). */
export function guessStageMapping(
  names: readonly string[],
  stages: readonly { id: string; name: string }[],
  remembered: StageMapping = {},
): StageMapping {
  const fold = (s: string) =>
    s
      .trim()
      .toLocaleLowerCase('fr')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '');
  const out: StageMapping = {};
  for (const name of names) {
    const known = remembered[name];
    if (known && stages.some((s) => s.id === known)) out[name] = known;
    else {
      const same = stages.find((s) => fold(s.name) === fold(name));
      if (same) out[name] = same.id;
    }
  }
  return out;
}
