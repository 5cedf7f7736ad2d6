/** Commands on the board as a whole, and on filling journeys from templates. */
import * as Y from 'yjs';
import type { BoardTemplate } from '../../model/defaults';
import { newId } from '../../model/ids';
import { limitEdit, limitText } from '../../model/limits';
import { spreadKeys } from '../../model/order';
import type { JourneyTemplate } from '../../model/templates';
import type { JourneyKind } from '../../model/types';
import { SCHEMA_VERSION, isInitialised, makeRecord, roots } from '../schema';
import { edit } from './edit';
import { journeyRecord } from './journeys';
import { insertRecord } from './records';

export interface InitResult {
  journeyId: string;
}

/** Turns an empty document into a board with one journey and the template's lanes. No-op if already a board. */
export function initBoard(doc: Y.Doc, template: BoardTemplate, now = Date.now()): InitResult | null {
  if (isInitialised(doc)) return null;
  return edit(doc, () => {
    const r = roots(doc);
    r.meta.set('schemaVersion', SCHEMA_VERSION);
    r.meta.set('title', limitText('boardTitle', template.title.trim()));
    r.meta.set('createdAt', now);
    const journeyId = insertRecord(roots(doc).journeys, journeyRecord({ name: template.journeyName, kind: 'existing' }));
    fillJourney(doc, journeyId, { stages: template.stages, channels: template.channels, examples: template.examples ?? [] });
    return { journeyId };
  });
}

/** Writes a template's lanes and example cards into a journey. Must run inside a transaction. */
function fillJourney(doc: Y.Doc, journeyId: string, template: JourneyTemplate): void {
  const laneIds = (kind: 'stages' | 'channels', names: readonly string[]) => {
    const keys = spreadKeys(names.length);
    return names.map((name, i) => {
      const id = newId();
      roots(doc)[kind].set(id, makeRecord({ journeyId, name: limitText('laneName', name.trim()), order: keys[i] }));
      return id;
    });
  };
  const stageIds = laneIds('stages', template.stages);
  const channelIds = laneIds('channels', template.channels);
  const keys = spreadKeys(template.examples.length);
  template.examples.forEach((e, i) => {
    const stageId = stageIds[e.stage];
    const channelId = channelIds[e.channel];
    if (!stageId || !channelId) return;
    roots(doc).touchpoints.set(
      newId(),
      makeRecord({
        journeyId,
        stageId,
        channelId,
        text: new Y.Text(limitText('touchpointText', e.text)),
        evaluation: e.evaluation,
        order: keys[i],
        example: true,
      }),
    );
  });
}

/** Adds a journey filled from a template. Returns its id. */
export function addJourneyFromTemplate(
  doc: Y.Doc,
  fields: { name: string; kind: JourneyKind; personaId?: string | null },
  template: JourneyTemplate,
): string {
  return edit(doc, () => {
    const journeyId = insertRecord(roots(doc).journeys, journeyRecord(fields));
    fillJourney(doc, journeyId, template);
    return journeyId;
  });
}

/** Renames the board (trimmed, never growing past a title's limit; blank ignored). */
export function renameBoard(doc: Y.Doc, title: string): void {
  const meta = roots(doc).meta;
  const current = typeof meta.get('title') === 'string' ? (meta.get('title') as string) : '';
  const clean = limitEdit('boardTitle', current, title.trim());
  if (!clean || clean === current) return;
  edit(doc, () => meta.set('title', clean));
}

/** Adds lanes (and example cards) from a template to an initialised but empty journey. */
export function applyTemplateLanes(doc: Y.Doc, journeyId: string, template: BoardTemplate): void {
  edit(doc, () => fillJourney(doc, journeyId, { stages: template.stages, channels: template.channels, examples: template.examples ?? [] }));
}
