/** Commands on stages (columns) and channels (rows): the structure of a journey. */
import * as Y from 'yjs';
import { newId } from '../../model/ids';
import { RECORD_TEXT_FIELDS, limitText } from '../../model/limits';
import type { LaneKind } from '../../model/types';
import { readTouchpoint, getRecord, sortedLanes } from '../read';
import { makeRecord, roots } from '../schema';
import { edit } from './edit';
import { orderAt } from './ordering';
import { deleteExisting, deleteWhere, patchExisting } from './records';

/** Adds a stage or channel at `index` (default: last), its name trimmed and cut to a lane name's limit. Returns its id. */
export function addLane(doc: Y.Doc, kind: LaneKind, journeyId: string, name: string, index?: number): string {
  return edit(doc, () => {
    const siblings = sortedLanes(doc, kind, journeyId);
    const id = newId();
    const order = orderAt(roots(doc)[kind], siblings, index ?? siblings.length, id);
    roots(doc)[kind].set(id, makeRecord({ journeyId, name: limitText('laneName', name.trim()), order }));
    return id;
  });
}

/** Renames a stage or channel (trimmed, never growing past a lane name's limit); blank names are ignored. */
export function renameLane(doc: Y.Doc, kind: LaneKind, id: string, name: string): void {
  const clean = name.trim();
  if (clean) patchExisting(doc, kind, id, { name: clean }, RECORD_TEXT_FIELDS[kind]);
}

/** Moves a stage or channel to `index` among its journey's lanes. */
export function moveLane(doc: Y.Doc, kind: LaneKind, id: string, index: number): void {
  const lane = getRecord(doc, kind, id);
  if (!lane) return;
  edit(doc, () => {
    const journeyId = lane.get('journeyId') as string;
    const siblings = sortedLanes(doc, kind, journeyId).filter((l) => l.id !== id);
    lane.set('order', orderAt(roots(doc)[kind], siblings, index, id));
  });
}

/** The ids of the touchpoints that sit in a lane. */
export function touchpointsInLane(doc: Y.Doc, kind: LaneKind, id: string): string[] {
  const field = kind === 'stages' ? 'stageId' : 'channelId';
  const ids: string[] = [];
  roots(doc).touchpoints.forEach((r, tid) => {
    if (r instanceof Y.Map && readTouchpoint(tid, r)[field] === id) ids.push(tid);
  });
  return ids;
}

/**
 * Deletes a lane and the touchpoints in it (and, for a stage, its emotion, pain points, KPIs and
 * extra-row cards), in one undoable step.
 */
export function deleteLane(doc: Y.Doc, kind: LaneKind, id: string): void {
  deleteExisting(doc, kind, id, () => {
    for (const tid of touchpointsInLane(doc, kind, id)) roots(doc).touchpoints.delete(tid);
    if (kind === 'stages') {
      for (const root of ['painPoints', 'kpis', 'laneCards'] as const) deleteWhere(doc, root, (r) => r.get('stageId') === id);
      roots(doc).emotions.delete(id);
    }
  });
}
