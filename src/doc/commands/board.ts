/** Commands on the board as a whole. */
import type * as Y from 'yjs';
import type { BoardTemplate } from '../../model/defaults';
import { newId } from '../../model/ids';
import { spreadKeys } from '../../model/order';
import type { JourneyKind } from '../../model/types';
import { SCHEMA_VERSION, isInitialised, makeRecord, roots } from '../schema';
import { edit } from './edit';

export interface InitResult {
  journeyId: string;
}

/** Turns an empty document into a board with one journey and the template's lanes. No-op if already a board. */
export function initBoard(doc: Y.Doc, template: BoardTemplate, now = Date.now()): InitResult | null {
  if (isInitialised(doc)) return null;
  return edit(doc, () => {
    const r = roots(doc);
    r.meta.set('schemaVersion', SCHEMA_VERSION);
    r.meta.set('title', template.title);
    r.meta.set('createdAt', now);
    const journeyId = insertJourney(doc, template.journeyName, 'existing', '1');
    addLanes(doc, 'stages', journeyId, template.stages);
    addLanes(doc, 'channels', journeyId, template.channels);
    return { journeyId };
  });
}

function insertJourney(doc: Y.Doc, name: string, kind: JourneyKind, order: string): string {
  const id = newId();
  roots(doc).journeys.set(id, makeRecord({ name, kind, order }));
  return id;
}

function addLanes(doc: Y.Doc, kind: 'stages' | 'channels', journeyId: string, names: readonly string[]): void {
  const keys = spreadKeys(names.length);
  names.forEach((name, i) => {
    roots(doc)[kind].set(newId(), makeRecord({ journeyId, name, order: keys[i] }));
  });
}

/** Renames the board. */
export function renameBoard(doc: Y.Doc, title: string): void {
  const clean = title.trim();
  if (!clean) return;
  edit(doc, () => roots(doc).meta.set('title', clean));
}

/** Adds lanes from a template to an initialised but empty journey (the empty-board action). */
export function applyTemplateLanes(doc: Y.Doc, journeyId: string, template: BoardTemplate): void {
  edit(doc, () => {
    addLanes(doc, 'stages', journeyId, template.stages);
    addLanes(doc, 'channels', journeyId, template.channels);
  });
}
