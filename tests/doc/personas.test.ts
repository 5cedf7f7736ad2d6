import { describe, expect, it } from 'vitest';
import { addPersona, deletePersona, updateJourney, updatePersona } from '../../src/doc/commands';
import { readBoard } from '../../src/doc/projection';
import { newBoard } from '../helpers/boardDoc';

describe('personas', () => {
  it('adds, edits and deletes a persona, unlinking the journeys that named it', () => {
    const { doc, journeyId } = newBoard();
    const id = addPersona(doc, { name: 'Marie', role: 'Responsable marketing PME', avatar: '👩‍💼' });
    updatePersona(doc, id, { goals: 'Gagner du temps', frustrations: 'Les formulaires longs' });
    updateJourney(doc, journeyId, { personaId: id });
    expect(readBoard(doc).personas[0]).toMatchObject({ name: 'Marie', goals: 'Gagner du temps', avatar: '👩‍💼' });
    expect(readBoard(doc).journeys[0]!.personaId).toBe(id);
    deletePersona(doc, id);
    expect(readBoard(doc).personas).toEqual([]);
    expect(readBoard(doc).journeys[0]!.personaId).toBeNull();
  });
});
