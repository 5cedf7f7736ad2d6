/** Commands on priority actions, the workshop's output. */
import type * as Y from 'yjs';
import { RECORD_TEXT_FIELDS, clampScore, dueDateOrNone, limitText } from '../../model/limits';
import type { Action } from '../../model/types';
import { roots } from '../schema';
import { edit } from './edit';
import { deleteExisting, insertRecord, patchExisting, removeFromIdLists } from './records';

export type ActionFields = Omit<Action, 'id' | 'order' | 'createdAt'>;

/** The fields of a patch as stored: scores clamped, a date or '', links without repeats. Texts are limited by the caller. */
function clean(patch: Partial<ActionFields>): Record<string, unknown> {
  return {
    title: patch.title,
    owner: patch.owner,
    due: patch.due === undefined ? undefined : dueDateOrNone(patch.due),
    status: patch.status,
    impact: patch.impact === undefined ? undefined : clampScore(patch.impact),
    effort: patch.effort === undefined ? undefined : clampScore(patch.effort),
    // Scoring an action places it on the matrix, unless the patch says otherwise.
    placed: patch.placed ?? (patch.impact !== undefined || patch.effort !== undefined ? true : undefined),
    links: patch.links ? [...new Set(patch.links)] : undefined,
    journeyId: patch.journeyId === undefined ? undefined : (patch.journeyId ?? ''),
  };
}

/**
 * Adds an action, dated now. Returns its id. Without scores it starts unplaced, waiting beside
 * the matrix for the team to decide where it goes; given scores, it is placed.
 */
export function addAction(doc: Y.Doc, fields: Partial<ActionFields> & { title: string }): string {
  const placed = fields.placed ?? (fields.impact !== undefined || fields.effort !== undefined);
  const defaults: ActionFields = {
    journeyId: null,
    title: '',
    owner: '',
    due: '',
    status: 'todo',
    impact: 2,
    effort: 2,
    placed,
    links: [],
  };
  const all = { ...defaults, ...fields, placed };
  const record = {
    ...clean({ ...all, title: limitText('actionTitle', all.title), owner: limitText('actionOwner', all.owner) }),
    // Dated once, so its card can say how its KPIs moved since; never changed by updateAction.
    createdAt: Date.now(),
  };
  return edit(doc, () => insertRecord(roots(doc).actions, Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined))));
}

export function updateAction(doc: Y.Doc, id: string, patch: Partial<ActionFields>): void {
  patchExisting(doc, 'actions', id, clean(patch), RECORD_TEXT_FIELDS.actions);
}

export function deleteAction(doc: Y.Doc, id: string): void {
  deleteExisting(doc, 'actions', id);
}

/** Removes a pain point or touchpoint from the links of every action. Must run inside a transaction. */
export function unlinkFromActions(doc: Y.Doc, id: string): void {
  removeFromIdLists(doc, 'actions', 'links', id);
}
