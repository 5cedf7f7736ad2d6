import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConfirmDialog } from '../../../src/components/ui/ConfirmDialog';
import { PersonasPanel } from '../../../src/components/journey/PersonasPanel';
import { addPersona, updateJourney, updatePersona } from '../../../src/doc/commands';
import { readBoard } from '../../../src/doc/projection';
import { useUiStore } from '../../../src/store';
import { offlineSession, WithSession } from '../../helpers/session';

function setup() {
  const session = offlineSession();
  render(
    <WithSession session={session}>
      <PersonasPanel />
      <ConfirmDialog />
    </WithSession>,
  );
  return { session, personas: () => readBoard(session.doc).personas };
}

describe('PersonasPanel', () => {
  beforeEach(() => useUiStore.setState({ panel: 'personas', panelStageId: null, confirm: null }));

  it('explains personas with an example when there is none', () => {
    setup();
    expect(screen.getByText(/Aucun persona pour l’instant/)).toHaveTextContent('« Marie, 42 ans, responsable marketing PME »');
    expect(screen.queryByRole('article')).toBeNull();
  });

  it('adds a persona by name, then fills in its card in place', async () => {
    const { personas } = setup();
    await userEvent.type(screen.getByRole('textbox', { name: 'Nouveau persona' }), 'Marie, 42 ans{Enter}');
    expect(personas().map((p) => p.name)).toEqual(['Marie, 42 ans']);
    const card = screen.getByRole('article', { name: 'Persona Marie, 42 ans' });
    // The new card opens as a form, ready for the rest.
    await userEvent.type(within(card).getByRole('textbox', { name: 'Rôle' }), 'Responsable marketing PME{Enter}');
    await userEvent.type(within(card).getByRole('textbox', { name: 'Objectifs' }), 'Trouver un outil simple');
    await userEvent.type(within(card).getByRole('textbox', { name: 'Frustrations' }), 'Les devis qui tardent');
    await userEvent.type(within(card).getByRole('textbox', { name: 'Avatar' }), '👩‍💼');
    await userEvent.click(within(card).getByRole('button', { name: 'Terminer' }));
    expect(personas()[0]).toMatchObject({
      role: 'Responsable marketing PME',
      goals: 'Trouver un outil simple',
      frustrations: 'Les devis qui tardent',
      avatar: '👩‍💼',
    });
    expect(within(card).queryByRole('textbox')).toBeNull();
    expect(card).toHaveTextContent('Responsable marketing PME');
    expect(card).toHaveTextContent('Les devis qui tardent');
  });

  it('shows which journeys follow a persona and gives it to the journey on screen', async () => {
    const { session } = setup();
    act(() => void addPersona(session.doc, { name: 'Karim' }));
    const card = screen.getByRole('article', { name: 'Persona Karim' });
    expect(card).toHaveTextContent('Aucun parcours ne le suit encore');
    await userEvent.click(within(card).getByRole('button', { name: 'Associer à « Parcours existant »' }));
    expect(readBoard(session.doc).journeys[0]!.personaId).toBe(readBoard(session.doc).personas[0]!.id);
    expect(card).toHaveTextContent('Parcours : « Parcours existant »');
    expect(card).toHaveTextContent('Persona du parcours affiché');
  });

  it('asks before deleting a persona a journey follows, and the journey keeps going without it', async () => {
    const { session, personas } = setup();
    act(() => {
      const id = addPersona(session.doc, { name: 'Marie' });
      updateJourney(session.doc, session.journeyId, { personaId: id });
    });
    await userEvent.click(screen.getByRole('button', { name: 'Supprimer le persona Marie' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog).toHaveTextContent('Supprimer le persona « Marie » ? Il est suivi par : « Parcours existant ».');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect(personas()).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Supprimer le persona Marie' }));
    await userEvent.click(screen.getByRole('button', { name: 'Supprimer' }));
    expect(personas()).toHaveLength(0);
    expect(readBoard(session.doc).journeys[0]!.personaId).toBeNull();
    expect(screen.getByText(/Aucun persona pour l’instant/)).toBeInTheDocument();
    // The card is gone; focus waits in the field to add another.
    expect(screen.getByRole('textbox', { name: 'Nouveau persona' })).toHaveFocus();
    // Undo brings back the persona and the link.
    act(() => void session.undo.undo());
    expect(readBoard(session.doc).journeys[0]!.personaId).toBe(personas()[0]!.id);
  });

  it('shows what someone else changes in a persona', () => {
    const { session } = setup();
    let id = '';
    act(() => void (id = addPersona(session.doc, { name: 'Paul Martin', role: 'Acheteur' })));
    const card = screen.getByRole('article', { name: 'Persona Paul Martin' });
    expect(card).toHaveTextContent('PMPaul MartinAcheteur');
    act(() => updatePersona(session.doc, id, { role: 'Directeur achats', avatar: '🧑‍💼' }));
    expect(card).toHaveTextContent('🧑‍💼Paul MartinDirecteur achats');
  });
});
