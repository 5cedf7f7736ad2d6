import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConfirmDialog } from '../../../src/components/ui/ConfirmDialog';
import { StagePanel } from '../../../src/components/journey/StagePanel';
import { addKpi, deleteLane } from '../../../src/doc/commands';
import { readBoard } from '../../../src/doc/projection';
import { useUiStore } from '../../../src/store';
import { provideMetrics } from '../../../src/sync/metrics';
import { createMemoryMetrics } from '../../helpers/metrics';
import { offlineSession, WithSession } from '../../helpers/session';

function setup() {
  const session = offlineSession();
  provideMetrics(session, createMemoryMetrics());
  const stage = readBoard(session.doc).stages[2]!;
  useUiStore.setState({ panel: 'stage', panelStageId: stage.id, confirm: null });
  const view = render(
    <WithSession session={session}>
      <StagePanel stageId={stage.id} />
      <ConfirmDialog />
    </WithSession>,
  );
  return { session, stage, view, kpis: () => readBoard(session.doc).kpis };
}

describe('StagePanel', () => {
  beforeEach(() => useUiStore.setState({ panel: null, panelStageId: null, confirm: null, kpiDialog: null }));

  it('sets the stage’s owner and renames it', async () => {
    const { session, stage } = setup();
    expect(screen.getByRole('heading', { name: 'Achat' })).toBeInTheDocument();
    await userEvent.type(screen.getByRole('textbox', { name: 'Responsable de l’étape' }), 'Responsable e-commerce{Enter}');
    expect(readBoard(session.doc).stages[2]).toMatchObject({ id: stage.id, owner: 'Responsable e-commerce' });
    const name = screen.getByRole('textbox', { name: 'Nom de l’étape' });
    await userEvent.clear(name);
    await userEvent.type(name, 'Commande{Enter}');
    expect(readBoard(session.doc).stages[2]!.name).toBe('Commande');
    expect(screen.getByRole('heading', { name: 'Commande' })).toBeInTheDocument();
  });

  it('adds a KPI and defines it: name, target, unit, which way is better, how often it is refreshed', async () => {
    const { stage, kpis } = setup();
    expect(screen.getByText(/Aucun indicateur/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Ajouter un indicateur' }));
    expect(kpis()).toHaveLength(1);
    // The new KPI's name field has the focus.
    const name = screen.getByRole('textbox', { name: 'Indicateur' });
    expect(name).toHaveFocus();
    expect(name).toHaveAttribute('placeholder', 'NPS, CSAT, CES, taux de conversion…');
    await userEvent.type(name, 'Délai de réponse{Enter}');
    await userEvent.type(screen.getByRole('textbox', { name: 'Cible' }), '48{Enter}');
    await userEvent.type(screen.getByRole('textbox', { name: 'Unité' }), 'heures{Enter}');
    expect(screen.getByRole('combobox', { name: 'Meilleur quand' })).toHaveDisplayValue('plus haut');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Meilleur quand' }), 'plus bas');
    expect(screen.getByRole('combobox', { name: 'Rafraîchissement attendu' })).toHaveDisplayValue('mensuel (35 jours)');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Rafraîchissement attendu' }), 'hebdomadaire (8 jours)');
    expect(kpis()).toMatchObject([
      {
        stageId: stage.id,
        journeyId: stage.journeyId,
        name: 'Délai de réponse',
        target: '48',
        unit: 'heures',
        direction: 'down',
        refreshDays: 8,
      },
    ]);
    expect(screen.getByRole('button', { name: 'Délai de réponse : aucune valeur. Ouvrir l’historique' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Historique et valeurs…' }));
    expect(useUiStore.getState().kpiDialog).toEqual({ kind: 'history', kpiId: kpis()[0]!.id });
  });

  it('offers the usual KPIs in one click, and hides those already there', async () => {
    const { kpis } = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Ajouter l’indicateur NPS' }));
    expect(kpis()).toMatchObject([{ name: 'NPS', unit: 'pts' }]);
    expect(screen.queryByRole('button', { name: 'Ajouter l’indicateur NPS' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Ajouter l’indicateur CSAT' })).toBeInTheDocument();
  });

  it('edits a KPI added by someone else, shows a typed value that is not a number as written, and asks before deleting it', async () => {
    const { session, stage, kpis } = setup();
    act(() => void addKpi(session.doc, stage.journeyId, stage.id, { name: 'CSAT', current: 'plutôt bon', target: '85', unit: '%' }));
    const row = screen.getByRole('listitem', { name: 'Indicateur CSAT' });
    expect(
      within(row).getByText('Valeur saisie avant l’historique : « plutôt bon » (pas un nombre, gardée telle quelle)'),
    ).toBeInTheDocument();
    const target = within(row).getByRole('textbox', { name: 'Cible' });
    expect(target).toHaveValue('85');
    await userEvent.clear(target);
    await userEvent.type(target, '90');
    await userEvent.tab();
    expect(kpis()[0]!.target).toBe('90');
    await userEvent.click(within(row).getByRole('button', { name: 'Supprimer l’indicateur CSAT' }));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('Supprimer l’indicateur « CSAT » ?');
    await userEvent.click(screen.getByRole('button', { name: 'Supprimer' }));
    expect(kpis()).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Ajouter un indicateur' })).toHaveFocus();
  });

  it('switches to another stage of the journey', async () => {
    const { session } = setup();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Étape affichée' }), '1. Découverte');
    expect(useUiStore.getState()).toMatchObject({ panel: 'stage', panelStageId: readBoard(session.doc).stages[0]!.id });
  });

  it('says so when the stage has been deleted meanwhile', () => {
    const { session, stage } = setup();
    act(() => deleteLane(session.doc, 'stages', stage.id));
    expect(screen.getByText(/Cette étape n’existe plus/)).toBeInTheDocument();
  });
});
