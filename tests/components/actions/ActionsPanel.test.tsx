import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ActionsPanel } from '../../../src/components/actions/ActionsPanel';
import { ConfirmDialog } from '../../../src/components/ui/ConfirmDialog';
import { downloadFile } from '../../../src/export/downloadFile';
import { addAction, addJourney, addPainPoint, addTouchpoint } from '../../../src/doc/commands';
import { readBoard } from '../../../src/doc/projection';
import { useUiStore } from '../../../src/store';
import { offlineSession, WithSession } from '../../helpers/session';

vi.mock('../../../src/export/downloadFile', () => ({ downloadFile: vi.fn() }));

function setup() {
  const session = offlineSession();
  render(
    <WithSession session={session}>
      <ActionsPanel />
      <ConfirmDialog />
    </WithSession>,
  );
  const actions = () => readBoard(session.doc).actions;
  return { session, actions };
}

/** A stand-in for the browser's DataTransfer, which jsdom lacks. */
function dataTransfer() {
  const data = new Map<string, string>();
  return {
    setData: (type: string, value: string) => void data.set(type, value),
    getData: (type: string) => data.get(type) ?? '',
    get types() {
      return [...data.keys()];
    },
    effectAllowed: 'all',
    dropEffect: 'none',
  };
}

describe('ActionsPanel', () => {
  beforeEach(() => {
    useUiStore.setState({ panel: 'actions', panelStageId: null, confirm: null, locale: 'fr' });
    vi.mocked(downloadFile).mockClear();
  });

  it('explains what to do when there is no action yet', () => {
    setup();
    expect(screen.getByText(/Aucune action prioritaire pour l’instant/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Exporter en CSV' })).toBeDisabled();
  });

  it('adds an action to the journey on screen, not placed yet: it waits in the tray, in no quadrant', async () => {
    const { session, actions } = setup();
    await userEvent.type(screen.getByRole('textbox', { name: 'Nouvelle action prioritaire' }), 'Réduire le formulaire à 5 champs{Enter}');
    expect(actions()).toMatchObject([{ title: 'Réduire le formulaire à 5 champs', journeyId: session.journeyId, placed: false }]);
    const tray = screen.getByRole('region', { name: 'Pas encore placées' });
    expect(within(tray).getByRole('article', { name: 'Action : Réduire le formulaire à 5 champs' })).toBeInTheDocument();
    for (const quadrant of ['Gains rapides', 'Projets stratégiques', 'Si le temps le permet', 'À éviter']) {
      expect(within(screen.getByRole('region', { name: quadrant })).queryByRole('article')).toBeNull();
    }
    expect(screen.getByRole('combobox', { name: 'Placer « Réduire le formulaire à 5 champs » dans' })).toHaveDisplayValue('Placer dans…');
    expect(screen.getByRole('textbox', { name: 'Nouvelle action prioritaire' })).toHaveValue('');
  });

  it('places an action from the tray with its menu; the tray goes once it is empty', async () => {
    const { session, actions } = setup();
    act(() => void addAction(session.doc, { title: 'Rembourser automatiquement les frais' }));
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Placer « Rembourser automatiquement les frais » dans' }),
      'quickWins',
    );
    expect(actions()[0]).toMatchObject({ placed: true, impact: 3, effort: 2 });
    expect(within(screen.getByRole('region', { name: 'Gains rapides' })).getByRole('article')).toHaveAccessibleName(
      'Action : Rembourser automatiquement les frais',
    );
    expect(screen.queryByRole('region', { name: 'Pas encore placées' })).toBeNull();
  });

  it('places an action by dragging it from the tray onto a quadrant', () => {
    const { session, actions } = setup();
    act(() => void addAction(session.doc, { title: 'Chat en direct' }));
    const transfer = dataTransfer();
    fireEvent.dragStart(screen.getByRole('article', { name: 'Action : Chat en direct' }), { dataTransfer: transfer });
    const strategic = screen.getByRole('region', { name: 'Projets stratégiques' });
    fireEvent.dragOver(strategic, { dataTransfer: transfer });
    fireEvent.drop(strategic, { dataTransfer: transfer });
    expect(actions()[0]).toMatchObject({ placed: true, impact: 3, effort: 3 });
  });

  it('ranks actions not placed yet after the placed ones, and says so, in the list and the CSV', async () => {
    const { session } = setup();
    act(() => {
      addAction(session.doc, { title: 'À trier' });
      addAction(session.doc, { title: 'À éviter', impact: 1, effort: 4 });
    });
    await userEvent.click(screen.getByRole('button', { name: 'Liste priorisée' }));
    const items = within(screen.getByRole('list', { name: 'Liste priorisée' })).getAllByRole('article');
    expect(items.map((i) => i.getAttribute('aria-label'))).toEqual(['Action : À éviter', 'Action : À trier']);
    expect(items[1]).toHaveTextContent('Pas encore placée');
    expect(items[1]).not.toHaveTextContent('Impact');
    await userEvent.click(screen.getByRole('button', { name: 'Exporter en CSV' }));
    expect(String(vi.mocked(downloadFile).mock.calls[0]![0]).split('\r\n')[2]).toBe('2;À trier;;;À faire;;;Pas encore placée;');
  });

  it('enlarges the matrix in a dialog that works from the keyboard and closes with Escape', async () => {
    const { session, actions } = setup();
    act(() => {
      addAction(session.doc, { title: 'Rembourser automatiquement les frais de port' });
      addAction(session.doc, { title: 'Rappeler sous 24 h', impact: 4, effort: 1 });
    });
    const enlarge = screen.getByRole('button', { name: 'Agrandir la matrice' });
    await userEvent.click(enlarge);
    const dialog = screen.getByRole('dialog', { name: 'Matrice impact / effort' });
    expect(within(dialog).getByRole('region', { name: 'Pas encore placées' })).toHaveTextContent(
      'Rembourser automatiquement les frais de port',
    );
    expect(within(within(dialog).getByRole('region', { name: 'Gains rapides' })).getByRole('article')).toHaveAccessibleName(
      'Action : Rappeler sous 24 h',
    );
    // Keyboard only: Tab to the tray card's menu and choose a quadrant.
    const menu = within(dialog).getByRole('combobox', { name: 'Placer « Rembourser automatiquement les frais de port » dans' });
    while (document.activeElement !== menu) await userEvent.tab();
    await userEvent.selectOptions(menu, 'strategic');
    expect(actions().find((a) => a.title.startsWith('Rembourser'))).toMatchObject({ placed: true, impact: 3, effort: 3 });
    // The card moved to its quadrant; its menu keeps the focus.
    const moved = within(within(dialog).getByRole('region', { name: 'Projets stratégiques' })).getByRole('combobox');
    expect(moved).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Matrice impact / effort' })).toBeNull();
    expect(enlarge).toHaveFocus();
  });

  it('moves an action to another quadrant with its menu, changing as few scores as needed', async () => {
    const { session, actions } = setup();
    act(() => void addAction(session.doc, { title: 'Rappeler sous 24 h', impact: 4, effort: 1 }));
    const menu = screen.getByRole('combobox', { name: 'Placer « Rappeler sous 24 h » dans' });
    menu.focus();
    expect(menu).toHaveFocus();
    // A short menu of moves, which a narrow quadrant shows whole: the quadrant the card is in is not among them.
    expect(menu).toHaveDisplayValue('Déplacer vers…');
    expect(
      within(menu)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Déplacer vers…', '◆ Projets stratégiques', '○ Si le temps le permet', '✕ À éviter']);
    await userEvent.selectOptions(menu, 'strategic');
    expect(actions()[0]).toMatchObject({ impact: 4, effort: 3 });
    expect(within(screen.getByRole('region', { name: 'Projets stratégiques' })).getByRole('article')).toHaveAccessibleName(
      'Action : Rappeler sous 24 h',
    );
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Placer « Rappeler sous 24 h » dans' }), 'ifTime');
    expect(actions()[0]).toMatchObject({ impact: 2, effort: 2 });
    act(() => void session.undo.undo());
    expect(actions()[0]).toMatchObject({ impact: 4, effort: 3 });
  });

  it('moves an action by dragging it onto another quadrant', () => {
    const { session, actions } = setup();
    act(() => void addAction(session.doc, { title: 'Refondre le site', impact: 4, effort: 4 }));
    const transfer = dataTransfer();
    fireEvent.dragStart(screen.getByRole('article', { name: 'Action : Refondre le site' }), { dataTransfer: transfer });
    const avoid = screen.getByRole('region', { name: 'À éviter' });
    fireEvent.dragOver(avoid, { dataTransfer: transfer });
    fireEvent.drop(avoid, { dataTransfer: transfer });
    expect(actions()[0]).toMatchObject({ impact: 2, effort: 4 });
    // Something that is not an action card is ignored.
    fireEvent.drop(screen.getByRole('region', { name: 'Gains rapides' }), { dataTransfer: dataTransfer() });
    expect(actions()[0]).toMatchObject({ impact: 2, effort: 4 });
  });

  it('ranks the actions in the list: quick wins first, finished ones last', async () => {
    const { session } = setup();
    act(() => {
      addAction(session.doc, { title: 'À éviter', impact: 1, effort: 4 });
      addAction(session.doc, { title: 'Déjà fait', impact: 4, effort: 1, status: 'done' });
      addAction(session.doc, { title: 'Gain rapide', impact: 4, effort: 1 });
      addAction(session.doc, { title: 'Projet', impact: 3, effort: 4 });
    });
    await userEvent.click(screen.getByRole('button', { name: 'Liste priorisée' }));
    expect(screen.getByRole('button', { name: 'Liste priorisée' })).toHaveAttribute('aria-pressed', 'true');
    const items = within(screen.getByRole('list', { name: 'Liste priorisée' })).getAllByRole('article');
    expect(items.map((i) => i.getAttribute('aria-label'))).toEqual([
      'Action : Gain rapide',
      'Action : Projet',
      'Action : À éviter',
      'Action : Déjà fait',
    ]);
    expect(items[0]).toHaveTextContent(/^1/);
    expect(items[0]).toHaveTextContent('Gains rapides');
  });

  it('edits an action: owner, due date, status, scores and the touchpoints and pain points it addresses', async () => {
    const { session, actions } = setup();
    const board = readBoard(session.doc);
    act(() => {
      addAction(session.doc, { title: 'Simplifier le devis', journeyId: session.journeyId });
      addTouchpoint(
        session.doc,
        { journeyId: session.journeyId, stageId: board.stages[1]!.id, channelId: board.channels[0]!.id },
        'Je remplis un devis de 14 champs',
        'pain',
      );
      addPainPoint(session.doc, session.journeyId, board.stages[1]!.id, { text: 'Formulaire trop long', severity: 3 });
    });
    await userEvent.click(screen.getByRole('button', { name: 'Simplifier le devis' }));
    const editor = screen.getByRole('region', { name: 'Modifier l’action « Simplifier le devis »' });
    expect(editor).toHaveFocus();
    await userEvent.type(within(editor).getByRole('textbox', { name: 'Responsable' }), 'Équipe e-commerce{Enter}');
    fireEvent.change(within(editor).getByLabelText('Échéance'), { target: { value: '2025-06-30' } });
    await userEvent.selectOptions(within(editor).getByRole('combobox', { name: 'Statut' }), 'En cours');
    expect(within(editor).getByRole('status')).toHaveTextContent('Pas encore placée');
    await userEvent.selectOptions(within(editor).getByRole('combobox', { name: 'Impact' }), '3 – fort');
    await userEvent.selectOptions(within(editor).getByRole('combobox', { name: 'Effort' }), '4 – très fort');
    expect(within(editor).getByRole('status')).toHaveTextContent('Projets stratégiques');
    await userEvent.click(within(editor).getByRole('checkbox', { name: /Je remplis un devis de 14 champs/ }));
    await userEvent.click(within(editor).getByRole('checkbox', { name: /Formulaire trop long/ }));
    const tp = readBoard(session.doc).touchpoints[0]!.id;
    const pp = readBoard(session.doc).painPoints[0]!.id;
    expect(actions()[0]).toMatchObject({
      owner: 'Équipe e-commerce',
      due: '2025-06-30',
      status: 'doing',
      impact: 3,
      effort: 4,
      placed: true,
      links: [tp, pp],
    });
    await userEvent.click(within(editor).getByRole('checkbox', { name: /Je remplis un devis de 14 champs/ }));
    expect(actions()[0]!.links).toEqual([pp]);
    await userEvent.click(within(editor).getByRole('button', { name: 'Toutes les actions' }));
    expect(screen.getByRole('article', { name: 'Action : Simplifier le devis' })).toHaveTextContent('Équipe e-commerce');
    // Focus goes back to the card the editor was opened from.
    expect(screen.getByRole('button', { name: 'Simplifier le devis' })).toHaveFocus();
  });

  it('asks before deleting an action', async () => {
    const { session, actions } = setup();
    act(() => void addAction(session.doc, { title: 'Chat en direct' }));
    await userEvent.click(screen.getByRole('button', { name: 'Chat en direct' }));
    await userEvent.click(screen.getByRole('button', { name: 'Supprimer l’action' }));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('Supprimer l’action « Chat en direct » ?');
    await userEvent.click(screen.getByRole('button', { name: 'Supprimer' }));
    expect(actions()).toHaveLength(0);
    expect(screen.getByText(/Aucune action prioritaire/)).toBeInTheDocument();
  });

  it('shows this journey’s actions and the board-wide ones, or every action', async () => {
    const { session } = setup();
    act(() => {
      const other = addJourney(session.doc, { name: 'Parcours cible', kind: 'target' });
      addAction(session.doc, { title: 'Ici', journeyId: session.journeyId });
      addAction(session.doc, { title: 'Partout', journeyId: null });
      addAction(session.doc, { title: 'Ailleurs', journeyId: other });
    });
    const titles = () => screen.getAllByRole('article').map((a) => a.getAttribute('aria-label'));
    expect(titles().sort()).toEqual(['Action : Ici', 'Action : Partout']);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Actions affichées' }), 'Tout le tableau');
    expect(titles().sort()).toEqual(['Action : Ailleurs', 'Action : Ici', 'Action : Partout']);
  });

  it('exports the actions as a CSV named after the board, with ";" in French', async () => {
    const { session } = setup();
    act(() => void addAction(session.doc, { title: 'Relancer; vite', owner: 'SAV', impact: 4, effort: 1 }));
    await userEvent.click(screen.getByRole('button', { name: 'Exporter en CSV' }));
    expect(downloadFile).toHaveBeenCalledTimes(1);
    const [content, fileName, type] = vi.mocked(downloadFile).mock.calls[0]!;
    expect(fileName).toBe('nouveau-parcours-client-actions.csv');
    expect(type).toBe('text/csv;charset=utf-8');
    expect(content).toBe(
      '\uFEFFRang;Action;Responsable;Échéance;Statut;Impact (1-4);Effort (1-4);Priorité;Irritants et points de contact traités\r\n1;"Relancer; vite";SAV;;À faire;4;1;Gains rapides;\r\n',
    );
  });

  it('exports with "," and English words in English', async () => {
    useUiStore.setState({ locale: 'en' });
    const { session } = setup();
    act(() => void addAction(session.doc, { title: 'Call back', impact: 1, effort: 4 }));
    await userEvent.click(screen.getByRole('button', { name: 'Export as CSV' }));
    const [content] = vi.mocked(downloadFile).mock.calls[0]!;
    expect(String(content).split('\r\n')[1]).toBe('1,Call back,,,To do,1,4,Avoid,');
  });
});
