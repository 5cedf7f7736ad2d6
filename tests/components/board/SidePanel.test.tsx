import { ReactFlowProvider } from '@xyflow/react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { SidePanel } from '../../../src/components/board/SidePanel';
import { Toolbar } from '../../../src/components/board/Toolbar';
import { addTouchpoint } from '../../../src/doc/commands';
import { readBoard } from '../../../src/doc/projection';
import { useBoardShortcuts } from '../../../src/hooks/useBoardShortcuts';
import { useUiStore } from '../../../src/store';
import { offlineSession, WithSession } from '../../helpers/session';

function Shortcuts() {
  useBoardShortcuts();
  return null;
}

function setup() {
  const session = offlineSession();
  render(
    <WithSession session={session}>
      <ReactFlowProvider>
        <Shortcuts />
        <Toolbar />
        <SidePanel />
      </ReactFlowProvider>
    </WithSession>,
  );
  return session;
}

describe('SidePanel', () => {
  beforeEach(() => useUiStore.setState({ panel: null, panelStageId: null, confirm: null, selectedId: null, tool: 'select' }));

  it('opens and closes from the toolbar, which shows which panel is open', async () => {
    setup();
    expect(screen.queryByRole('complementary')).toBeNull();
    const framing = screen.getByRole('button', { name: 'Cadrage' });
    expect(framing).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(framing);
    expect(framing).toHaveAttribute('aria-pressed', 'true');
    const panel = screen.getByRole('complementary', { name: 'Détails du parcours' });
    expect(screen.getByRole('tab', { name: 'Cadrage', selected: true })).toHaveFocus();
    expect(screen.getByRole('tabpanel', { name: 'Cadrage' })).toContainElement(screen.getByRole('textbox', { name: 'Objectif' }));
    expect(panel).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Actions' }));
    expect(screen.getByRole('tab', { name: 'Actions', selected: true })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cadrage' })).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(screen.getByRole('button', { name: 'Actions' }));
    expect(screen.queryByRole('complementary')).toBeNull();
  });

  it('switches tabs by click and with the arrow keys', async () => {
    setup();
    act(() => useUiStore.getState().openPanel('framing'));
    const names = screen.getAllByRole('tab').map((t) => t.textContent);
    expect(names.slice(0, 3)).toEqual(['Cadrage', 'Personas', 'Actions']);
    expect(names).not.toContain('Étape');
    await userEvent.click(screen.getByRole('tab', { name: 'Personas' }));
    expect(useUiStore.getState().panel).toBe('personas');
    expect(screen.getByRole('textbox', { name: 'Nouveau persona' })).toBeInTheDocument();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Actions', selected: true })).toHaveFocus();
    await userEvent.keyboard('{Home}');
    expect(screen.getByRole('tab', { name: 'Cadrage', selected: true })).toHaveFocus();
    // From the first tab, left wraps round to the last.
    await userEvent.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: names[names.length - 1]!, selected: true })).toHaveFocus();
  });

  it('offers the stage tab when a stage header opened it, and keeps it across tabs', async () => {
    const session = setup();
    const stage = readBoard(session.doc).stages[0]!;
    act(() => useUiStore.getState().openPanel('stage', stage.id));
    expect(screen.getByRole('tab', { name: 'Étape', selected: true })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Découverte' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: 'Cadrage' }));
    await userEvent.click(screen.getByRole('tab', { name: 'Étape' }));
    expect(screen.getByRole('textbox', { name: 'Responsable de l’étape' })).toBeInTheDocument();
  });

  it('closes with its button, and with Escape after saving the field being typed', async () => {
    const session = setup();
    act(() => useUiStore.getState().openPanel('framing'));
    await userEvent.click(screen.getByRole('button', { name: 'Fermer le panneau' }));
    expect(screen.queryByRole('complementary')).toBeNull();
    act(() => useUiStore.getState().openPanel('framing'));
    await userEvent.type(screen.getByRole('textbox', { name: 'Horizon' }), 'Fin 2025');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('complementary')).toBeNull();
    expect(readBoard(session.doc).journeys[0]!.framing.horizon).toBe('Fin 2025');
  });

  it('leaves Ctrl+Z in a framing text area to the browser: the draft is not on the board yet', async () => {
    const session = setup();
    act(() => useUiStore.getState().openPanel('framing'));
    await userEvent.type(screen.getByRole('textbox', { name: 'Horizon' }), 'Fin 2025{Enter}');
    const objective = screen.getByRole('textbox', { name: 'Objectif' });
    await userEvent.type(objective, 'Réduire');
    fireEvent.keyDown(objective, { key: 'z', ctrlKey: true });
    expect(readBoard(session.doc).journeys[0]!.framing.horizon).toBe('Fin 2025');
  });

  it('keeps board shortcuts away from its controls, but not undo', async () => {
    const session = setup();
    const board = readBoard(session.doc);
    let card = '';
    act(() => {
      card = addTouchpoint(
        session.doc,
        { journeyId: session.journeyId, stageId: board.stages[0]!.id, channelId: board.channels[0]!.id },
        'Je cherche',
      );
      useUiStore.getState().select(card);
      useUiStore.getState().openPanel('actions');
    });
    const viewButton = screen.getByRole('button', { name: 'Liste priorisée' });
    fireEvent.keyDown(viewButton, { key: 'Delete' });
    fireEvent.keyDown(viewButton, { key: 'n' });
    expect(readBoard(session.doc).touchpoints.map((t) => t.id)).toEqual([card]);
    expect(useUiStore.getState().tool).toBe('select');
    fireEvent.keyDown(viewButton, { key: 'z', ctrlKey: true });
    expect(readBoard(session.doc).touchpoints).toHaveLength(0);
  });
});
