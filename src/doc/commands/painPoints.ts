/** Commands on pain points (irritants) of a stage. */
import type * as Y from 'yjs';
import { clampSeverity, limitText } from '../../model/limits';
import type { Severity } from '../../model/types';
import { getRecord, readPainPoint, readTouchpoint } from '../read';
import { roots } from '../schema';
import { unlinkFromActions } from './actions';
import { edit } from './edit';
import { deleteExisting, insertRecord, patchExisting, removeFromIdLists, whereField } from './records';

export interface PainPointFields {
  text: string;
  severity: Severity;
  touchpointIds: string[];
}

const TEXTS = { text: 'painPointText' } as const;

/** Adds a pain point to a stage. Returns its id. */
export function addPainPoint(doc: Y.Doc, journeyId: string, stageId: string, fields: Partial<PainPointFields> = {}): string {
  return edit(doc, () =>
    insertRecord(
      roots(doc).painPoints,
      {
        journeyId,
        stageId,
        text: limitText('painPointText', fields.text ?? ''),
        severity: clampSeverity(fields.severity ?? 2),
        touchpointIds: [...(fields.touchpointIds ?? [])],
      },
      whereField('stageId', stageId),
    ),
  );
}

export function updatePainPoint(doc: Y.Doc, id: string, patch: Partial<PainPointFields>): void {
  patchExisting(
    doc,
    'painPoints',
    id,
    {
      text: patch.text,
      severity: patch.severity === undefined ? undefined : clampSeverity(patch.severity),
      touchpointIds: patch.touchpointIds ? [...new Set(patch.touchpointIds)] : undefined,
    },
    TEXTS,
  );
}

/** Links or unlinks a touchpoint to a pain point. */
export function togglePainPointTouchpoint(doc: Y.Doc, id: string, touchpointId: string): void {
  const r = getRecord(doc, 'painPoints', id);
  if (!r) return;
  const current = readPainPoint(id, r).touchpointIds;
  const next = current.includes(touchpointId) ? current.filter((t) => t !== touchpointId) : [...current, touchpointId];
  patchExisting(doc, 'painPoints', id, { touchpointIds: next });
}

export function deletePainPoint(doc: Y.Doc, id: string): void {
  deleteExisting(doc, 'painPoints', id, () => unlinkFromActions(doc, id));
}

/** Removes a touchpoint from the pain points that concern it. Must run inside a transaction. */
export function unlinkFromPainPoints(doc: Y.Doc, touchpointId: string): void {
  removeFromIdLists(doc, 'painPoints', 'touchpointIds', touchpointId);
}

/** Turns a (red) touchpoint into a pain point of its stage, linked to it, in one click. */
export function painPointFromTouchpoint(doc: Y.Doc, touchpointId: string): string | null {
  const r = getRecord(doc, 'touchpoints', touchpointId);
  if (!r) return null;
  const t = readTouchpoint(touchpointId, r);
  return addPainPoint(doc, t.journeyId, t.stageId, {
    text: t.text,
    severity: t.evaluation === 'pain' ? 3 : 2,
    touchpointIds: [touchpointId],
  });
}
