/** Commands on journeys: several per board, each with a persona, a kind and a framing card. */
import * as Y from 'yjs';
import { newId } from '../../model/ids';
import type { ExtraRowKind, Framing, JourneyKind } from '../../model/types';
import { extraRowField, getRecord } from '../read';
import { RECORD_ROOTS, TEXT_FIELDS, roots, type RecordMap, type RecordRoot } from '../schema';
import { edit } from './edit';
import { deleteWhere, insertRecord, patchRecord } from './records';

export interface JourneyFields {
  name: string;
  kind: JourneyKind;
  personaId?: string | null;
}

/** Adds an empty journey (no stages or channels yet). Returns its id. */
export function addJourney(doc: Y.Doc, fields: JourneyFields): string {
  return edit(doc, () => insertRecord(roots(doc).journeys, { name: fields.name.trim(), kind: fields.kind, personaId: fields.personaId ?? '' }));
}

/** Changes a journey's name, kind or persona. */
export function updateJourney(doc: Y.Doc, id: string, patch: Partial<JourneyFields>): void {
  const r = getRecord(doc, 'journeys', id);
  if (!r) return;
  const name = patch.name?.trim();
  edit(doc, () =>
    patchRecord(r, {
      name: name || undefined,
      kind: patch.kind,
      personaId: patch.personaId === undefined ? undefined : (patch.personaId ?? ''),
    }),
  );
}

/** Sets one field of the framing card. */
export function setFraming(doc: Y.Doc, journeyId: string, field: keyof Framing, value: string): void {
  const r = getRecord(doc, 'journeys', journeyId);
  if (!r) return;
  edit(doc, () => patchRecord(r, { [`framing.${field}`]: value.slice(0, 2000) }));
}

/** Shows or hides an extra row (does / thinks / needs / opportunities) for a journey. */
export function setExtraRow(doc: Y.Doc, journeyId: string, row: ExtraRowKind, shown: boolean): void {
  const r = getRecord(doc, 'journeys', journeyId);
  if (!r) return;
  edit(doc, () => patchRecord(r, { [extraRowField(row)]: shown }));
}

/** Record types that belong to one journey through their `journeyId` field. */
const JOURNEY_PARTS = RECORD_ROOTS.filter((root) => root !== 'journeys' && root !== 'personas' && root !== 'actions');

/** Deletes a journey and everything in it (actions of the board stay, unlinked from it). */
export function deleteJourney(doc: Y.Doc, id: string): void {
  if (!getRecord(doc, 'journeys', id)) return;
  edit(doc, () => {
    for (const root of JOURNEY_PARTS) deleteWhere(doc, root, (r) => r.get('journeyId') === id);
    roots(doc).actions.forEach((r) => {
      if (r.get('journeyId') === id) r.set('journeyId', '');
    });
    roots(doc).journeys.delete(id);
  });
}

/** Reference fields that point at other records, remapped when a journey is copied. */
const REFERENCES = ['journeyId', 'stageId', 'channelId'] as const;
const REFERENCE_LISTS = ['touchpointIds'] as const;

function copyValue(value: unknown): unknown {
  if (value instanceof Y.Text) return new Y.Text(value.toString());
  if (Array.isArray(value)) return [...(value as unknown[])];
  return value;
}

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
    const parts: [RecordRoot, string, RecordMap][] = [];
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
    patchRecord(journey, { name: fields.name.trim(), kind: fields.kind, personaId: fields.personaId ?? source.get('personaId') ?? '', sourceId: id });
    roots(doc).journeys.set(newJourneyId, journey);
    for (const [root, rid, r] of parts) {
      const copy = new Y.Map<unknown>();
      r.forEach((value, key) => {
        if ((REFERENCES as readonly string[]).includes(key) && typeof value === 'string') copy.set(key, idMap.get(value) ?? value);
        else if ((REFERENCE_LISTS as readonly string[]).includes(key) && Array.isArray(value)) copy.set(key, value.map((v) => idMap.get(v as string) ?? v));
        else if (!TEXT_FIELDS[root]?.includes(key) || value instanceof Y.Text) copy.set(key, copyValue(value));
      });
      copy.set('sourceId', rid);
      const key = root === 'emotions' ? (idMap.get(rid) ?? rid) : (idMap.get(rid) as string);
      roots(doc)[root].set(key, copy);
    }
    return newJourneyId;
  });
}
