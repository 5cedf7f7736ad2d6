/** Commands around the stages: owner, KPIs, emotions, extra-row cards. */
import type * as Y from 'yjs';
import { isCrmMetric } from '../../model/crmPipeline';
import { DEFAULT_REFRESH_DAYS, isKpiDirection, refreshDaysOf } from '../../model/kpi';
import { RECORD_TEXT_FIELDS, clampEmotion, limitText } from '../../model/limits';
import type { ExtraRowKind, Kpi, LaneKind } from '../../model/types';
import { getRecord } from '../read';
import { roots } from '../schema';
import { edit } from './edit';
import { deleteExisting, insertRecord, limitTexts, patchExisting, removeFromIdLists, upsertRecord, whereField } from './records';

/** Sets who is responsible for a stage or channel. */
export function setLaneOwner(doc: Y.Doc, kind: LaneKind, id: string, owner: string): void {
  patchExisting(doc, kind, id, { owner: owner.trim() }, RECORD_TEXT_FIELDS.stages);
}

/** What a KPI is defined by: its texts, and which way is better and how often it should be refreshed. */
export type KpiFields = Pick<Kpi, 'name' | 'target' | 'unit'> & Partial<Pick<Kpi, 'current' | 'direction' | 'refreshDays' | 'metric'>>;

/** The KPI fields of a patch, trimmed and checked (anything else left out). */
function cleanKpi(fields: Partial<KpiFields>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (k in RECORD_TEXT_FIELDS.kpis && typeof v === 'string') out[k] = v.trim();
  }
  if (isKpiDirection(fields.direction)) out.direction = fields.direction;
  if (typeof fields.refreshDays === 'number' && Number.isFinite(fields.refreshDays)) out.refreshDays = refreshDaysOf(fields.refreshDays);
  if (isCrmMetric(fields.metric)) out.metric = fields.metric;
  return out;
}

/** Adds a KPI to a stage. Returns its id. */
export function addKpi(doc: Y.Doc, journeyId: string, stageId: string, fields: KpiFields): string {
  const values = Object.fromEntries(
    Object.entries(cleanKpi(fields)).map(([k, v]) => [k, typeof v === 'string' ? limitText('kpiField', v) : v]),
  );
  return edit(doc, () =>
    insertRecord(
      roots(doc).kpis,
      { journeyId, stageId, direction: 'up', refreshDays: DEFAULT_REFRESH_DAYS, ...values },
      whereField('stageId', stageId),
    ),
  );
}

export function updateKpi(doc: Y.Doc, id: string, patch: Partial<KpiFields>): void {
  patchExisting(doc, 'kpis', id, cleanKpi(patch), RECORD_TEXT_FIELDS.kpis);
}

/** Deletes a KPI, and unlinks it from the actions aimed at it (its values stay with the relay: an undo brings them back). */
export function deleteKpi(doc: Y.Doc, id: string): void {
  deleteExisting(doc, 'kpis', id, () => removeFromIdLists(doc, 'actions', 'links', id));
}

/** Sets how the customer feels at a stage, from -2 to +2 (rounded and clamped). */
export function setEmotionScore(doc: Y.Doc, journeyId: string, stageId: string, score: number): void {
  writeEmotion(doc, journeyId, stageId, { score: clampEmotion(score) });
}

/** Sets the words for how the customer feels at a stage ("confiance, doute"). */
export function setEmotionWords(doc: Y.Doc, journeyId: string, stageId: string, words: string): void {
  writeEmotion(doc, journeyId, stageId, { words });
}

function writeEmotion(doc: Y.Doc, journeyId: string, stageId: string, patch: { score?: number; words?: string }): void {
  if (!getRecord(doc, 'stages', stageId)) return;
  const limited = limitTexts(getRecord(doc, 'emotions', stageId), patch, RECORD_TEXT_FIELDS.emotions);
  // Keyed by stage id: two people setting the first score at once write the same record.
  edit(doc, () => upsertRecord(roots(doc).emotions, stageId, { journeyId, score: 0, words: '' }, limited));
}

/** Adds a short card to an extra row under a stage. Returns its id. */
export function addLaneCard(doc: Y.Doc, journeyId: string, stageId: string, row: ExtraRowKind, text = ''): string {
  return edit(doc, () =>
    insertRecord(
      roots(doc).laneCards,
      { journeyId, stageId, row, text: limitText('laneCardText', text) },
      (r) => r.get('stageId') === stageId && r.get('row') === row,
    ),
  );
}

export function setLaneCardText(doc: Y.Doc, id: string, text: string): void {
  patchExisting(doc, 'laneCards', id, { text }, RECORD_TEXT_FIELDS.laneCards);
}

export function deleteLaneCard(doc: Y.Doc, id: string): void {
  deleteExisting(doc, 'laneCards', id);
}
