/**
 * Reading a CRM pipeline export (deals or tickets) as stage entries. Two shapes are read:
 * - one row per stage change (Salesforce's opportunity history, Pipedrive's deal updates):
 *   a deal column, a stage column and the date the deal entered it;
 * - one row per deal with a « Date entered <stage> » column per stage (HubSpot's deal export).
 */
import type { StageEntry } from './crmPipeline';
import type { MetricsTable } from './metricsImport';
import { detectDayOrder, parseDay, type DayOrder } from './metricsRows';

const fold = (s: string) =>
  s
    .trim()
    .toLocaleLowerCase('fr')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

const DEAL_NAMES = [
  'deal',
  'deal id',
  'record id',
  'affaire',
  'id affaire',
  'opportunite',
  'opportunity',
  'opportunity id',
  'id',
  'ticket',
  'ticket id',
  'deal name',
  'nom de la transaction',
  'transaction',
];
const STAGE_NAMES = ['stage', 'etape', 'deal stage', 'phase', 'statut', 'status', 'etape de la transaction', 'to stage'];
const DATE_NAMES = [
  'date',
  'date entered',
  'entered',
  'date d’entree',
  "date d'entree",
  'stage date',
  'changed',
  'date de modification',
  'last stage change date',
];

/** « Date entered "Démo (Pipeline)" », « Date d’entrée dans l’étape Démo »: the stage a wide column is about. */
const WIDE = /^(?:date entered|entered|date d[’']entr[ée]e(?: dans(?: l[’']étape)?)?)\s+(.+)$/i;

/** The stage's name in a wide column: without quotes, nor the pipeline's name in brackets after it. */
const stageOfColumn = (rest: string) =>
  rest
    .trim()
    .replace(/^[«"“']\s*|\s*[»"”']$/g, '')
    .replace(/\s*\([^)]*\)$/, '')
    .trim();

/** Which column holds what in a one-row-per-change export. */
export interface EntryColumns {
  deal?: number;
  stage?: number;
  date?: number;
}

export type CrmShape =
  { kind: 'changes'; columns: EntryColumns } | { kind: 'wide'; deal: number; stages: { index: number; name: string }[] };

/** The shape an export has, from its header: wide when it has a deal column and « Date entered » columns. */
export function detectShape(header: readonly string[]): CrmShape {
  const find = (names: readonly string[]) => {
    const i = header.findIndex((h) => names.includes(fold(h)));
    return i < 0 ? undefined : i;
  };
  const deal = find(DEAL_NAMES);
  const stages = header.flatMap((h, index) => {
    const m = WIDE.exec(h.trim());
    const name = m?.[1] ? stageOfColumn(m[1]) : '';
    return name ? [{ index, name }] : [];
  });
  if (deal !== undefined && stages.length > 0) return { kind: 'wide', deal, stages };
  return { kind: 'changes', columns: { deal, stage: find(STAGE_NAMES), date: find(DATE_NAMES) } };
}

export interface EntriesRead {
  entries: StageEntry[];
  /** Rows without a deal, a stage or a readable date, with their file line. */
  rejected: { line: number; reason: 'deal-missing' | 'stage-missing' | 'date-invalid' }[];
  order: DayOrder;
}

const text = (v: unknown) => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? '' : String(v).trim());

/** The stage entries of an export of either shape. */
export function readEntries(table: MetricsTable, shape: CrmShape, order?: DayOrder): EntriesRead {
  const entries: StageEntry[] = [];
  const rejected: EntriesRead['rejected'] = [];
  if (shape.kind === 'wide') {
    const found = order ?? detectDayOrder(table.rows.flatMap((r) => shape.stages.map((s) => r[s.index])));
    table.rows.forEach((row, i) => {
      const deal = text(row[shape.deal]);
      if (!deal) return void rejected.push({ line: table.lines[i]!, reason: 'deal-missing' });
      for (const s of shape.stages) {
        if (text(row[s.index]) === '') continue; // never entered that stage
        const date = parseDay(row[s.index], found);
        if (date) entries.push({ deal, crmStage: s.name, date });
        else rejected.push({ line: table.lines[i]!, reason: 'date-invalid' });
      }
    });
    return { entries, rejected, order: found };
  }
  const { deal: d, stage: s, date: t } = shape.columns;
  const found = order ?? detectDayOrder(table.rows.map((r) => (t === undefined ? undefined : r[t])));
  table.rows.forEach((row, i) => {
    const line = table.lines[i]!;
    const deal = d === undefined ? '' : text(row[d]);
    const stage = s === undefined ? '' : text(row[s]);
    const date = t === undefined ? null : parseDay(row[t], found);
    if (!deal) rejected.push({ line, reason: 'deal-missing' });
    else if (!stage) rejected.push({ line, reason: 'stage-missing' });
    else if (!date) rejected.push({ line, reason: 'date-invalid' });
    else entries.push({ deal, crmStage: stage, date });
  });
  return { entries, rejected, order: found };
}
