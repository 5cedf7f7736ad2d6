/** Commands around the stages: owner, KPIs, emotions, extra-row cards. */
import type * as Y from 'yjs';
import type { ExtraRowKind, Kpi, LaneKind } from '../../model/types';
import { EMOTION_MAX, EMOTION_MIN } from '../../model/types';
import { getRecord } from '../read';
import { makeRecord, roots } from '../schema';
import { edit } from './edit';
import { insertRecord, patchRecord, whereField } from './records';

/** Sets who is responsible for a stage or channel. */
export function setLaneOwner(doc: Y.Doc, kind: LaneKind, id: string, owner: string): void {
  const r = getRecord(doc, kind, id);
  if (!r) return;
  edit(doc, () => patchRecord(r, { owner: owner.trim().slice(0, 120) }));
}

export type KpiFields = Pick<Kpi, 'name' | 'current' | 'target' | 'unit'>;

/** Adds a KPI to a stage. Returns its id. */
export function addKpi(doc: Y.Doc, journeyId: string, stageId: string, fields: KpiFields): string {
  return edit(doc, () => insertRecord(roots(doc).kpis, { journeyId, stageId, ...trimKpi(fields) }, whereField('stageId', stageId)));
}

function trimKpi(fields: Partial<KpiFields>): Partial<KpiFields> {
  const out: Partial<KpiFields> = {};
  for (const [k, v] of Object.entries(fields) as [keyof KpiFields, string | undefined][]) {
    if (typeof v === 'string') out[k] = v.trim().slice(0, 80);
  }
  return out;
}

export function updateKpi(doc: Y.Doc, id: string, patch: Partial<KpiFields>): void {
  const r = getRecord(doc, 'kpis', id);
  if (!r) return;
  edit(doc, () => patchRecord(r, trimKpi(patch)));
}

export function deleteKpi(doc: Y.Doc, id: string): void {
  if (!getRecord(doc, 'kpis', id)) return;
  edit(doc, () => roots(doc).kpis.delete(id));
}

/** Sets how the customer feels at a stage, from -2 to +2 (rounded and clamped). */
export function setEmotionScore(doc: Y.Doc, journeyId: string, stageId: string, score: number): void {
  const value = Math.max(EMOTION_MIN, Math.min(EMOTION_MAX, Math.round(score)));
  writeEmotion(doc, journeyId, stageId, { score: value });
}

/** Sets the words for how the customer feels at a stage ("confiance, doute"). */
export function setEmotionWords(doc: Y.Doc, journeyId: string, stageId: string, words: string): void {
  writeEmotion(doc, journeyId, stageId, { words: words.slice(0, 200) });
}

function writeEmotion(doc: Y.Doc, journeyId: string, stageId: string, patch: Record<string, unknown>): void {
  if (!getRecord(doc, 'stages', stageId)) return;
  edit(doc, () => {
    // Keyed by stage id: two people setting the first score at once write the same record.
    const existing = roots(doc).emotions.get(stageId);
    if (existing) patchRecord(existing, patch);
    else roots(doc).emotions.set(stageId, makeRecord({ journeyId, score: 0, words: '', ...patch }));
  });
}

/** Adds a short card to an extra row under a stage. Returns its id. */
export function addLaneCard(doc: Y.Doc, journeyId: string, stageId: string, row: ExtraRowKind, text = ''): string {
  return edit(doc, () =>
    insertRecord(roots(doc).laneCards, { journeyId, stageId, row, text: text.slice(0, 300) }, (r) => r.get('stageId') === stageId && r.get('row') === row),
  );
}

export function setLaneCardText(doc: Y.Doc, id: string, text: string): void {
  const r = getRecord(doc, 'laneCards', id);
  if (!r) return;
  edit(doc, () => patchRecord(r, { text: text.slice(0, 300) }));
}

export function deleteLaneCard(doc: Y.Doc, id: string): void {
  if (!getRecord(doc, 'laneCards', id)) return;
  edit(doc, () => roots(doc).laneCards.delete(id));
}
