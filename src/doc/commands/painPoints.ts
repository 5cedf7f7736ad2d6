/** Commands on pain points (irritants) and moments of truth. */
import type * as Y from 'yjs';
import type { Severity } from '../../model/types';
import { getRecord, readPainPoint, readTouchpoint } from '../read';
import { roots } from '../schema';
import { edit } from './edit';
import { insertRecord, patchRecord, whereField } from './records';
import { unlink } from './touchpoints';

export interface PainPointFields {
  text: string;
  severity: Severity;
  touchpointIds: string[];
}

const clampSeverity = (s: number): Severity => Math.max(1, Math.min(3, Math.round(s))) as Severity;

/** Adds a pain point to a stage. Returns its id. */
export function addPainPoint(doc: Y.Doc, journeyId: string, stageId: string, fields: Partial<PainPointFields> = {}): string {
  return edit(doc, () =>
    insertRecord(
      roots(doc).painPoints,
      { journeyId, stageId, text: (fields.text ?? '').slice(0, 500), severity: clampSeverity(fields.severity ?? 2), touchpointIds: [...(fields.touchpointIds ?? [])] },
      whereField('stageId', stageId),
    ),
  );
}

export function updatePainPoint(doc: Y.Doc, id: string, patch: Partial<PainPointFields>): void {
  const r = getRecord(doc, 'painPoints', id);
  if (!r) return;
  edit(doc, () =>
    patchRecord(r, {
      text: patch.text?.slice(0, 500),
      severity: patch.severity === undefined ? undefined : clampSeverity(patch.severity),
      touchpointIds: patch.touchpointIds ? [...new Set(patch.touchpointIds)] : undefined,
    }),
  );
}

/** Links or unlinks a touchpoint to a pain point. */
export function togglePainPointTouchpoint(doc: Y.Doc, id: string, touchpointId: string): void {
  const r = getRecord(doc, 'painPoints', id);
  if (!r) return;
  const current = readPainPoint(id, r).touchpointIds;
  const next = current.includes(touchpointId) ? current.filter((t) => t !== touchpointId) : [...current, touchpointId];
  edit(doc, () => patchRecord(r, { touchpointIds: next }));
}

export function deletePainPoint(doc: Y.Doc, id: string): void {
  if (!getRecord(doc, 'painPoints', id)) return;
  edit(doc, () => {
    unlink(doc, 'actions', 'links', id);
    roots(doc).painPoints.delete(id);
  });
}

/** Turns a (red) touchpoint into a pain point of its stage, linked to it, in one click. */
export function painPointFromTouchpoint(doc: Y.Doc, touchpointId: string): string | null {
  const r = getRecord(doc, 'touchpoints', touchpointId);
  if (!r) return null;
  const t = readTouchpoint(touchpointId, r);
  return addPainPoint(doc, t.journeyId, t.stageId, { text: t.text, severity: t.evaluation === 'pain' ? 3 : 2, touchpointIds: [touchpointId] });
}

/** Flags or unflags a touchpoint as a moment of truth. */
export function setMomentOfTruth(doc: Y.Doc, touchpointId: string, on: boolean): void {
  const r = getRecord(doc, 'touchpoints', touchpointId);
  if (!r) return;
  edit(doc, () => patchRecord(r, { momentOfTruth: on }));
}
