/** Commands on personas: board-level customer profiles that journeys refer to. */
import type * as Y from 'yjs';
import type { Persona } from '../../model/types';
import { getRecord } from '../read';
import { roots } from '../schema';
import { edit } from './edit';
import { insertRecord, patchRecord } from './records';

export type PersonaFields = Omit<Persona, 'id' | 'order'>;

const LIMITS: Record<keyof PersonaFields, number> = { name: 80, role: 120, description: 1000, goals: 1000, frustrations: 1000, avatar: 8 };

function clean(patch: Partial<PersonaFields>): Partial<PersonaFields> {
  const out: Partial<PersonaFields> = {};
  for (const [k, v] of Object.entries(patch) as [keyof PersonaFields, string | undefined][]) {
    if (typeof v === 'string') out[k] = v.slice(0, LIMITS[k]);
  }
  return out;
}

/** Adds a persona. Returns its id. */
export function addPersona(doc: Y.Doc, fields: Partial<PersonaFields> & { name: string }): string {
  const empty: PersonaFields = { name: '', role: '', description: '', goals: '', frustrations: '', avatar: '' };
  return edit(doc, () => insertRecord(roots(doc).personas, { ...empty, ...clean(fields) }));
}

/** Changes some fields of a persona. */
export function updatePersona(doc: Y.Doc, id: string, patch: Partial<PersonaFields>): void {
  const r = getRecord(doc, 'personas', id);
  if (!r) return;
  edit(doc, () => patchRecord(r, clean(patch)));
}

/** Deletes a persona; the journeys that named it keep going without one. */
export function deletePersona(doc: Y.Doc, id: string): void {
  if (!getRecord(doc, 'personas', id)) return;
  edit(doc, () => {
    roots(doc).journeys.forEach((j) => {
      if (j.get('personaId') === id) j.set('personaId', '');
    });
    roots(doc).personas.delete(id);
  });
}
