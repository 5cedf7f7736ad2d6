/** Commands on journeys: several per board, each with a persona, a kind and a framing card. */
import * as Y from 'yjs';
import { newId } from '../../model/ids';
import { limitText } from '../../model/limits';
import { RECORD_KINDS, type RecordKind } from '../../model/records';
import type { ExtraRowKind, Framing, JourneyKind } from '../../model/types';
import { extraRowField, getRecord } from '../read';
import { TEXT_FIELDS, roots, type RecordMap } from '../schema';
import { edit } from './edit';
import { deleteExisting, deleteWhere, insertRecord, patchExisting, patchRecord } from './records';
import { copyValue } from './restore';

export interface JourneyFields {
  name: string;
  kind: JourneyKind;
  personaId?: string | null;
}

/** The fields of a new journey: its name trimmed and cut to a journey name's limit, no persona as ''. */
export function journeyRecord(fields: JourneyFields): Record<string, unknown> {
  return { name: limitText('journeyName', fields.name.trim()), kind: fields.kind, personaId: fields.personaId ?? '' };
}

/** Adds an empty journey (no stages or channels yet). Returns its id. */
export function addJourney(doc: Y.Doc, fields: JourneyFields): string {
  return edit(doc, () => insertRecord(roots(doc).journeys, journeyRecord(fields)));
}

/** Changes a journey's name (blank ignored), kind or persona. */
export function updateJourney(doc: Y.Doc, id: string, patch: Partial<JourneyFields>): void {
  const name = patch.name?.trim();
  patchExisting(
    doc,
    'journeys',
    id,
    { name: name || undefined, kind: patch.kind, personaId: patch.personaId === undefined ? undefined : (patch.personaId ?? '') },
    { name: 'journeyName' },
  );
}

/** Sets one field of the framing card. */
export function setFraming(doc: Y.Doc, journeyId: string, field: keyof Framing, value: string): void {
  const key = `framing.${field}`;
  patchExisting(doc, 'journeys', journeyId, { [key]: value }, { [key]: 'framingField' });
}

/** Shows or hides an extra row (does / thinks / needs / opportunities) for a journey. */
export function setExtraRow(doc: Y.Doc, journeyId: string, row: ExtraRowKind, shown: boolean): void {
  patchExisting(doc, 'journeys', journeyId, { [extraRowField(row)]: shown });
}

/**
 * Record kinds that belong to one journey through their `journeyId` field. Saved views are not
 * among them: a view is the facilitator's, and outlives its journey so that presenting says
 * it is skipped rather than losing it silently (and an undone deletion finds it again).
 */
const JOURNEY_PARTS = RECORD_KINDS.filter((kind) => kind !== 'journeys' && kind !== 'personas' && kind !== 'actions' && kind !== 'views');

/** Deletes a journey and everything in it (actions of the board stay, unlinked from it). */
export function deleteJourney(doc: Y.Doc, id: string): void {
  deleteExisting(doc, 'journeys', id, () => {
    for (const kind of JOURNEY_PARTS) deleteWhere(doc, kind, (r) => r.get('journeyId') === id);
    roots(doc).actions.forEach((r) => {
      if (r instanceof Y.Map && r.get('journeyId') === id) r.set('journeyId', '');
    });
  });
}

/** Reference fields that point at other records, remapped when a journey is copied. */
const REFERENCES = ['journeyId', 'stageId', 'channelId'] as const;
const REFERENCE_LISTS = ['touchpointIds'] as const;

/**
 * Copies a journey with everything in it (stages, channels, touchpoints, emotions, pain points,
 * KPIs, extra-row cards) into a new journey. Every copied record remembers its original in
 * `sourceId`, which is how two journeys are compared. Returns the new journey's id.
 */
export function duplicateJourney(doc: Y.Doc, id: string, fields: JourneyFields): string | null {
  const source = getRecord(doc, 'journeys', id);
  if (!source) return null;
  return edit(doc, () => {
    const newJourneyId = newId();
    const idMap = new Map<string, string>([[id, newJourneyId]]);
    const parts: [RecordKind, string, RecordMap][] = [];
    for (const root of JOURNEY_PARTS) {
      roots(doc)[root].forEach((r, rid) => {
        if (!(r instanceof Y.Map) || r.get('journeyId') !== id) return;
        // Emotions are keyed by their stage id, so their copy is keyed by the copied stage's id.
        if (root !== 'emotions') idMap.set(rid, newId());
        parts.push([root, rid, r]);
      });
    }
    const journey = new Y.Map<unknown>();
    source.forEach((value, key) => journey.set(key, copyValue(value)));
    // Patched once in the document: a map not yet in one cannot be read (Yjs warns and reads nothing).
    roots(doc).journeys.set(newJourneyId, journey);
    patchRecord(journey, {
      ...journeyRecord({ ...fields, personaId: fields.personaId ?? (source.get('personaId') as string | undefined) ?? '' }),
      sourceId: id,
    });
    for (const [root, rid, r] of parts) {
      const copy = new Y.Map<unknown>();
      r.forEach((value, key) => {
        if ((REFERENCES as readonly string[]).includes(key) && typeof value === 'string') copy.set(key, idMap.get(value) ?? value);
        else if ((REFERENCE_LISTS as readonly string[]).includes(key) && Array.isArray(value))
          copy.set(
            key,
            value.map((v) => idMap.get(v as string) ?? v),
          );
        else if (!TEXT_FIELDS[root]?.includes(key) || value instanceof Y.Text) copy.set(key, copyValue(value));
      });
      copy.set('sourceId', rid);
      const key = root === 'emotions' ? (idMap.get(rid) ?? rid) : (idMap.get(rid) as string);
      roots(doc)[root].set(key, copy);
    }
    return newJourneyId;
  });
}
