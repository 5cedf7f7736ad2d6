/** Commands on touchpoints: the cards of the matrix. */
import * as Y from 'yjs';
import { newId } from '../../model/ids';
import { textSplice } from '../../model/text';
import type { Evaluation } from '../../model/types';
import { cellTouchpoints, getRecord, readTouchpoint } from '../read';
import { makeRecord, roots } from '../schema';
import { edit } from './edit';
import { orderAt } from './ordering';

export interface CellTarget {
  journeyId: string;
  stageId: string;
  channelId: string;
  /** Position in the cell's list; default: last. */
  index?: number;
}

/** Creates a touchpoint in a cell. Returns its id. */
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
        text: new Y.Text(text),
        evaluation,
        order,
      }),
    );
    return id;
  });
}

/** Replaces a touchpoint's text by the smallest splice, so concurrent typing merges. */
export function setTouchpointText(doc: Y.Doc, id: string, text: string): void {
  const record = getRecord(doc, 'touchpoints', id);
  if (!record) return;
  const ytext = record.get('text');
  if (!(ytext instanceof Y.Text)) {
    edit(doc, () => record.set('text', new Y.Text(text)));
    return;
  }
  const splice = textSplice(ytext.toString(), text);
  if (!splice) return;
  edit(
    doc,
    () => {
      // Once someone rewrites an example card, it is theirs.
      if (record.get('example') === true) record.delete('example');
      if (splice.remove > 0) ytext.delete(splice.index, splice.remove);
      if (splice.insert) ytext.insert(splice.index, splice.insert);
    },
    `text:${id}`,
  );
}

/** Sets (or clears, with null) the green / orange / red evaluation. */
export function setTouchpointEvaluation(doc: Y.Doc, id: string, evaluation: Evaluation | null): void {
  const record = getRecord(doc, 'touchpoints', id);
  if (!record || record.get('evaluation') === evaluation) return;
  edit(doc, () => record.set('evaluation', evaluation));
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
  if (!getRecord(doc, 'touchpoints', id)) return;
  edit(doc, () => {
    unlink(doc, 'painPoints', 'touchpointIds', id);
    unlink(doc, 'actions', 'links', id);
    roots(doc).touchpoints.delete(id);
  });
}

/** Removes `id` from the id-list field of every record of `root` that mentions it. Inside a transaction. */
export function unlink(doc: Y.Doc, root: 'painPoints' | 'actions', field: string, id: string): void {
  roots(doc)[root].forEach((r) => {
    const list = r.get(field);
    if (Array.isArray(list) && list.includes(id)) r.set(field, list.filter((x) => x !== id));
  });
}
