import { ReactFlowProvider } from '@xyflow/react';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { Toolbar } from '../../../src/components/board/Toolbar';
import { PresentationLayer } from '../../../src/components/presentation/PresentationLayer';
import { ConfirmDialog } from '../../../src/components/ui/ConfirmDialog';
import { addJourney, deleteJourney, saveView } from '../../../src/doc/commands';
import { readBoard } from '../../../src/doc/projection';
import { NO_FILTERS } from '../../../src/model/cardFilters';
import { PRESENTATION_FIELD } from '../../../src/model/presentation';
import { useUiStore } from '../../../src/store';
import { offlineSession, WithSession } from '../../helpers/session';

const RECT = { x: 0, y: 0, width: 1000, height: 600 };

function setup() {
  const session = offlineSession();
  render(
    <WithSession session={session}>
      <ReactFlowProvider>
        <Toolbar />
        <PresentationLayer />
        <ConfirmDialog />
      </ReactFlowProvider>
    </WithSession>,
  );
  return session;
}

const viewNames = (session: ReturnType<typeof offlineSession>) => readBoard(session.doc).views.map((v) => v.name);

describe('saved views', () => {
  beforeEach(() => useUiStore.setState({ presenting: null, presentStage: 0, presentViews: false, confirm: null }));

  it('starts empty, saves the view on screen with its filters, renames, reorders and deletes after asking', async () => {
    const session = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Vues' }));
    const dialog = screen.getByRole('dialog', { name: 'Vues enregistrées' });
    expect(dialog).toHaveTextContent('Aucune vue enregistrée');
    expect(within(dialog).getByRole('button', { name: /Présenter les vues/ })).toBeDisabled();

    await userEvent.type(within(dialog).getByLabelText('Nom de la vue'), 'Le parcours entier');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer cette vue' }));
    // Left blank, the name is given for it.
    await userEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer cette vue' }));
    expect(viewNames(session)).toEqual(['Le parcours entier', 'Vue 2']);
    const [first] = readBoard(session.doc).views;
    expect(first).toMatchObject({ journeyId: session.journeyId, filters: NO_FILTERS });
    expect(first!.rect.width).toBeGreaterThan(0);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Renommer « Vue 2 »' }));
    const field = within(dialog).getByLabelText('Nouveau nom de « Vue 2 »');
    await userEvent.clear(field);
    await userEvent.type(field, 'Le paiement{Enter}');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Monter « Le paiement »' }));
    expect(viewNames(session)).toEqual(['Le paiement', 'Le parcours entier']);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Supprimer « Le paiement »' }));
    const confirm = screen.getByRole('alertdialog');
    expect(confirm).toHaveTextContent('Supprimer la vue « Le paiement » ?');
    expect(viewNames(session)).toHaveLength(2);
    await userEvent.click(within(confirm).getByRole('button', { name: 'Supprimer' }));
    expect(viewNames(session)).toEqual(['Le parcours entier']);
  });

  it('presents the views in order with the arrows, tells the others which view, and skips one whose journey was deleted', async () => {
    const session = setup();
    const other = addJourney(session.doc, { name: 'Parcours retiré', kind: 'existing', personaId: null });
    saveView(session.doc, { name: 'Découverte', journeyId: session.journeyId, rect: RECT, filters: NO_FILTERS });
    const gone = saveView(session.doc, { name: 'Ancienne vue', journeyId: other, rect: RECT, filters: NO_FILTERS });
    const achat = saveView(session.doc, {
      name: 'Achat',
      journeyId: session.journeyId,
      rect: RECT,
      filters: { ...NO_FILTERS, momentOfTruth: true },
    });
    deleteJourney(session.doc, other);

    await userEvent.click(screen.getByRole('button', { name: 'Vues' }));
    expect(screen.getByRole('dialog')).toHaveTextContent('Ancienne vue (parcours supprimé)');
    await userEvent.click(screen.getByRole('button', { name: /Présenter les vues/ }));
    const bar = screen.getByRole('region', { name: 'Présentation' });
    expect(within(bar).getByRole('status')).toHaveTextContent('Vue 1 sur 2 : Découverte');
    expect(within(bar).getByRole('alert')).toHaveTextContent('La vue « Ancienne vue » est ignorée : son parcours a été supprimé');
    await userEvent.keyboard('{ArrowRight}');
    expect(within(bar).getByRole('status')).toHaveTextContent('Vue 2 sur 2 : Achat');
    // Said where the presentation starts, not for the rest of it.
    expect(within(bar).queryByRole('alert')).toBeNull();
    expect(session.connection.awareness.getLocalState()?.[PRESENTATION_FIELD]).toMatchObject({ viewId: achat, stage: 1 });
    expect(session.connection.awareness.getLocalState()?.[PRESENTATION_FIELD]).not.toMatchObject({ viewId: gone });
    // The view's filters while it is shown, the presenter's own once done.
    expect(useUiStore.getState().filters['testboard_0123456789']?.momentOfTruth).toBe(true);
    await userEvent.keyboard('{Escape}');
    expect(useUiStore.getState().filters['testboard_0123456789']?.momentOfTruth).toBe(false);
  });

  it('lets the presenter dismiss the message about a skipped view', async () => {
    const session = setup();
    const other = addJourney(session.doc, { name: 'Parcours retiré', kind: 'existing', personaId: null });
    saveView(session.doc, { name: 'Découverte', journeyId: session.journeyId, rect: RECT, filters: NO_FILTERS });
    saveView(session.doc, { name: 'Ancienne vue', journeyId: other, rect: RECT, filters: NO_FILTERS });
    deleteJourney(session.doc, other);
    await userEvent.click(screen.getByRole('button', { name: 'Vues' }));
    await userEvent.click(screen.getByRole('button', { name: /Présenter les vues/ }));
    const bar = screen.getByRole('region', { name: 'Présentation' });
    await userEvent.click(within(bar).getByRole('button', { name: 'Masquer ce message' }));
    expect(within(bar).queryByRole('alert')).toBeNull();
    expect(within(bar).getByRole('status')).toHaveTextContent('Vue 1 sur 1 : Découverte');
  });

  it('follows a facilitator presenting a view', async () => {
    const session = setup();
    saveView(session.doc, { name: 'Découverte', journeyId: session.journeyId, rect: RECT, filters: NO_FILTERS });
    const achat = saveView(session.doc, { name: 'Achat', journeyId: session.journeyId, rect: RECT, filters: NO_FILTERS });
    const presenter = new Awareness(new Y.Doc());
    presenter.setLocalState({
      user: { id: 'id-Ana', name: 'Ana', color: '#7c3aed', role: 'facilitator' },
      [PRESENTATION_FIELD]: { journeyId: session.journeyId, stage: 1, viewId: achat, at: Date.now() },
    });
    act(() => applyAwarenessUpdate(session.connection.awareness, encodeAwarenessUpdate(presenter, [presenter.clientID]), 'remote'));
    await userEvent.click(screen.getByRole('button', { name: 'Suivre la présentation' }));
    expect(within(screen.getByRole('region', { name: 'Présentation' })).getByRole('status')).toHaveTextContent('Vue 2 sur 2 : Achat');
  });
});
