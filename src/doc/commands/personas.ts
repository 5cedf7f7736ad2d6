/** Commands on personas: board-level customer profiles that journeys refer to. */
import type * as Y from 'yjs';
import { RECORD_TEXT_FIELDS, limitText } from '../../model/limits';
import type { Persona } from '../../model/types';
import { roots } from '../schema';
import { edit } from './edit';
import { deleteExisting, insertRecord, patchExisting } from './records';

export type PersonaFields = Omit<Persona, 'id' | 'order'>;

const TEXTS = RECORD_TEXT_FIELDS.personas;

/** The string fields of a patch (anything else left out). */
function strings(patch: Partial<PersonaFields>): Partial<PersonaFields> {
  return Object.fromEntries(Object.entries(patch).filter(([k, v]) => k in TEXTS && typeof v === 'string'));
}

/** Adds a persona, each text cut to its limit. Returns its id. */
export function addPersona(doc: Y.Doc, fields: Partial<PersonaFields> & { name: string }): string {
  const record: PersonaFields = { name: '', role: '', description: '', goals: '', frustrations: '', avatar: '', ...strings(fields) };
  for (const key of Object.keys(TEXTS) as (keyof PersonaFields)[]) record[key] = limitText(TEXTS[key], record[key]);
  return edit(doc, () => insertRecord(roots(doc).personas, { ...record }));
}

/** Changes some fields of a persona. */
export function updatePersona(doc: Y.Doc, id: string, patch: Partial<PersonaFields>): void {
  patchExisting(doc, 'personas', id, strings(patch), TEXTS);
}

/** Deletes a persona; the journeys that named it keep going without one. */
export function deletePersona(doc: Y.Doc, id: string): void {
  deleteExisting(doc, 'personas', id, () =>
    roots(doc).journeys.forEach((j) => {
      if (j.get('personaId') === id) j.set('personaId', '');
    }),
  );
}
