/** Commands on touchpoints: the cards of the matrix. */
import * as Y from 'yjs';
import { newId } from '../../model/ids';
import { limitEdit, limitText } from '../../model/limits';
import type { Evaluation } from '../../model/types';
import { cellTouchpoints, getRecord, readTouchpoint } from '../read';
import { makeRecord, roots } from '../schema';
import { unlinkFromActions } from './actions';
import { edit } from './edit';
import { orderAt } from './ordering';
import { unlinkFromPainPoints } from './painPoints';
import { deleteExisting, patchExisting, spliceText } from './records';

export interface CellTarget {
  journeyId: string;
  stageId: string;
  channelId: string;
  /** Position in the cell's list; default: last. */
  index?: number;
}

/** Creates a touchpoint in a cell, its text cut to a card's limit. Returns its id. */
export function addTouchpoint(doc: Y.Doc, target: CellTarget, text = '', evaluation: Evaluation | null = null): string {
  return edit(doc, () => {
    const siblings = cellTouchpoints(doc, target.journeyId, target.stageId, target.channelId);
    const id = newId();
    const order = orderAt(roots(doc).touchpoints, siblings, target.index ?? siblings.length, id);
    roots(doc).touchpoints.set(
      id,
      makeRecord({
        journeyId: target.journeyId,
        stageId: target.stageId,
        channelId: target.channelId,
        text: new Y.Text(limitText('touchpointText', text)),
        evaluation,
        order,
      }),
    );
    return id;
  });
}

/**
 * Replaces a touchpoint's text by the smallest splice, so concurrent typing merges. The text
 * never grows past a card's limit (an older, longer text may still be shortened).
 */
export function setTouchpointText(doc: Y.Doc, id: string, text: string): void {
  const record = getRecord(doc, 'touchpoints', id);
  if (!record) return;
  const ytext = record.get('text');
  if (!(ytext instanceof Y.Text)) {
    edit(doc, () => record.set('text', new Y.Text(limitText('touchpointText', text))));
    return;
  }
  const next = limitEdit('touchpointText', ytext.toString(), text);
  if (next === ytext.toString()) return;
  edit(
    doc,
    () => {
      // Once someone rewrites an example card, it is theirs.
      if (record.get('example') === true) record.delete('example');
      spliceText(ytext, next);
    },
    `text:${id}`,
  );
}

/** Sets (or clears, with null) the green / orange / red evaluation. */
export function setTouchpointEvaluation(doc: Y.Doc, id: string, evaluation: Evaluation | null): void {
  patchExisting(doc, 'touchpoints', id, { evaluation });
}

/** Flags or unflags a touchpoint as a moment of truth. */
export function setMomentOfTruth(doc: Y.Doc, touchpointId: string, on: boolean): void {
  patchExisting(doc, 'touchpoints', touchpointId, { momentOfTruth: on });
}

/** Moves a touchpoint to a cell (possibly its own) at a position in that cell's list. */
export function moveTouchpoint(doc: Y.Doc, id: string, target: Required<Omit<CellTarget, 'journeyId'>>): void {
  const record = getRecord(doc, 'touchpoints', id);
  if (!record) return;
  const current = readTouchpoint(id, record);
  edit(doc, () => {
    const siblings = cellTouchpoints(doc, current.journeyId, target.stageId, target.channelId).filter((t) => t.id !== id);
    const order = orderAt(roots(doc).touchpoints, siblings, target.index, id);
    if (current.stageId !== target.stageId) record.set('stageId', target.stageId);
    if (current.channelId !== target.channelId) record.set('channelId', target.channelId);
    if (current.order !== order) record.set('order', order);
  });
}

/** Deletes a touchpoint, and its mentions in pain points and actions. */
export function deleteTouchpoint(doc: Y.Doc, id: string): void {
  deleteExisting(doc, 'touchpoints', id, () => {
    unlinkFromPainPoints(doc, id);
    unlinkFromActions(doc, id);
  });
}
