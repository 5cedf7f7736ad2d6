/** Commands on priority actions, the workshop's output. */
import type * as Y from 'yjs';
import type { Action } from '../../model/types';
import { SCORE_MAX, SCORE_MIN } from '../../model/types';
import { getRecord } from '../read';
import { roots } from '../schema';
import { edit } from './edit';
import { insertRecord, patchRecord } from './records';

export type ActionFields = Omit<Action, 'id' | 'order'>;

const clampScore = (v: number) => Math.max(SCORE_MIN, Math.min(SCORE_MAX, Math.round(v)));

function clean(patch: Partial<ActionFields>): Record<string, unknown> {
  return {
    title: patch.title?.slice(0, 300),
    owner: patch.owner?.slice(0, 120),
    due: patch.due === undefined ? undefined : /^\d{4}-\d{2}-\d{2}$/.test(patch.due) ? patch.due : '',
    status: patch.status,
    impact: patch.impact === undefined ? undefined : clampScore(patch.impact),
    effort: patch.effort === undefined ? undefined : clampScore(patch.effort),
    links: patch.links ? [...new Set(patch.links)] : undefined,
    journeyId: patch.journeyId === undefined ? undefined : (patch.journeyId ?? ''),
  };
}

/** Adds an action. Returns its id. */
export function addAction(doc: Y.Doc, fields: Partial<ActionFields> & { title: string }): string {
  const defaults: ActionFields = { journeyId: null, title: '', owner: '', due: '', status: 'todo', impact: 3, effort: 2, links: [] };
  return edit(doc, () => insertRecord(roots(doc).actions, Object.fromEntries(Object.entries(clean({ ...defaults, ...fields })).filter(([, v]) => v !== undefined))));
}

export function updateAction(doc: Y.Doc, id: string, patch: Partial<ActionFields>): void {
  const r = getRecord(doc, 'actions', id);
  if (!r) return;
  edit(doc, () => patchRecord(r, clean(patch)));
}

export function deleteAction(doc: Y.Doc, id: string): void {
  if (!getRecord(doc, 'actions', id)) return;
  edit(doc, () => roots(doc).actions.delete(id));
}
