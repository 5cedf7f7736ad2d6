import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { FramingPanel } from '../../../src/components/journey/FramingPanel';
import { addPersona, setFraming } from '../../../src/doc/commands';
import { readBoard } from '../../../src/doc/projection';
import { useUiStore } from '../../../src/store';
import { offlineSession, WithSession } from '../../helpers/session';

function setup() {
  const session = offlineSession();
  const marie = addPersona(session.doc, { name: 'Marie, 42 ans', role: 'Responsable marketing PME' });
  session.undo.clear();
  render(
    <WithSession session={session}>
      <FramingPanel />
    </WithSession>,
  );
  const journey = () => readBoard(session.doc).journeys[0]!;
  return { session, marie, journey };
}

describe('FramingPanel', () => {
  beforeEach(() => useUiStore.setState({ panel: 'framing', panelStageId: null }));

  it('writes a framing field when it is left, as one undo step', async () => {
    const { session, journey } = setup();
    const objective = screen.getByRole('textbox', { name: 'Objectif' });
    await userEvent.type(objective, 'Faire passer l’abandon de panier de 72 % à 55 %');
    // Nothing is written while typing: one edit, one undo step.
    expect(journey().framing.objective).toBe('');
    await userEvent.tab();
    expect(journey().framing.objective).toBe('Faire passer l’abandon de panier de 72 % à 55 %');
    act(() => void session.undo.undo());
    expect(journey().framing.objective).toBe('');
    expect(objective).toHaveValue('');
  });

  it('fills every field of the framing card', async () => {
    const { journey } = setup();
    await userEvent.type(screen.getByRole('textbox', { name: 'Périmètre' }), 'Du premier contact au premier achat');
    await userEvent.type(screen.getByRole('textbox', { name: 'Segment client' }), 'PME de 10 à 50 salariés{Enter}');
    await userEvent.type(screen.getByRole('textbox', { name: 'Horizon' }), 'Fin du T2{Enter}');
    await userEvent.type(screen.getByRole('textbox', { name: 'Parties prenantes' }), 'Ventes, marketing, SAV');
    await userEvent.tab();
    expect(journey().framing).toEqual({
      objective: '',
      perimeter: 'Du premier contact au premier achat',
      segment: 'PME de 10 à 50 salariés',
      horizon: 'Fin du T2',
      stakeholders: 'Ventes, marketing, SAV',
    });
  });

  it('shows what someone else writes, and does not overwrite it when an untouched field is left', async () => {
    const { session, journey } = setup();
    const horizon = screen.getByRole('textbox', { name: 'Horizon' });
    await userEvent.click(horizon);
    act(() => setFraming(session.doc, journey().id, 'horizon', 'Fin 2025'));
    await userEvent.tab();
    expect(journey().framing.horizon).toBe('Fin 2025');
    expect(horizon).toHaveValue('Fin 2025');
  });

  it('renames the journey, changes its kind and picks its persona', async () => {
    const { marie, journey } = setup();
    const name = screen.getByRole('textbox', { name: 'Nom du parcours' });
    await userEvent.clear(name);
    await userEvent.type(name, 'Parcours cible 2025{Enter}');
    expect(journey().name).toBe('Parcours cible 2025');
    await userEvent.click(screen.getByRole('radio', { name: 'Cible (demain)' }));
    expect(journey().kind).toBe('target');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Persona suivi' }), 'Marie, 42 ans — Responsable marketing PME');
    expect(journey().personaId).toBe(marie);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Persona suivi' }), 'Aucun persona');
    expect(journey().personaId).toBeNull();
  });

  it('keeps the old name when the name field is emptied', async () => {
    const { journey } = setup();
    await userEvent.clear(screen.getByRole('textbox', { name: 'Nom du parcours' }));
    await userEvent.tab();
    expect(journey().name).toBe('Parcours existant');
    expect(screen.getByRole('textbox', { name: 'Nom du parcours' })).toHaveValue('Parcours existant');
  });
});
