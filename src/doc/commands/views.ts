/** Commands of saved views: save, rename, reorder, delete. Only facilitators may run them (the relay refuses the others'). */
import type * as Y from 'yjs';
import type { CardFilters } from '../../model/cardFilters';
import { parseCardFilters } from '../../model/cardFilters';
import { RECORD_TEXT_FIELDS, limitText } from '../../model/limits';
import type { FlowRect } from '../../model/types';
import { parseFlowRect } from '../../model/views';
import { recordFields } from '../boardFile';
import { getRecord, readView, sortedRecords } from '../read';
import { roots } from '../schema';
import { edit } from './edit';
import { orderAt } from './ordering';
import { deleteExisting, insertRecord, patchExisting } from './records';

export interface ViewFields {
  name: string;
  journeyId: string;
  rect: FlowRect;
  filters: CardFilters;
}

/** Saves a view after the others; returns its id. Stored as a board file's view is written (`rect.x`, `filters.stageIds`…). */
export function saveView(doc: Y.Doc, fields: ViewFields): string {
  return edit(doc, () =>
    insertRecord(
      roots(doc).views,
      recordFields('views', {
        name: limitText('viewName', fields.name.trim()),
        journeyId: fields.journeyId,
        rect: parseFlowRect(fields.rect),
        filters: parseCardFilters(fields.filters),
      }),
    ),
  );
}

/** Renames a view (a blank name is kept as it was). */
export function renameView(doc: Y.Doc, id: string, name: string): void {
  const trimmed = name.trim();
  if (!trimmed) return;
  patchExisting(doc, 'views', id, { name: trimmed }, RECORD_TEXT_FIELDS.views);
}

/** Moves a view to `index` among the views. */
export function moveView(doc: Y.Doc, id: string, index: number): void {
  const view = getRecord(doc, 'views', id);
  if (!view) return;
  edit(doc, () => {
    const siblings = sortedRecords(roots(doc).views, readView, (v) => v.id !== id);
    view.set('order', orderAt(roots(doc).views, siblings, index, id));
  });
}

/** Deletes a view (the journey and its cards are untouched). */
export function deleteView(doc: Y.Doc, id: string): void {
  deleteExisting(doc, 'views', id);
}
