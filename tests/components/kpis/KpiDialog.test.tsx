import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { KpiDialogs } from '../../../src/components/kpis/KpiDialogs';
import { KpiChip } from '../../../src/components/kpis/KpiChip';
import { addKpi } from '../../../src/doc/commands';
import { readBoard } from '../../../src/doc/projection';
import type { MetricPoint } from '../../../src/model/metrics';
import { provideMetrics } from '../../../src/sync/metrics';
import { useUiStore } from '../../../src/store';
import { createMemoryMetrics } from '../../helpers/metrics';
import { WithSession, offlineSession } from '../../helpers/session';

function setup(series: MetricPoint[], role: 'facilitator' | 'viewer' = 'facilitator') {
  const session = { ...offlineSession(), role };
  const stage = readBoard(session.doc).stages[2]!;
  const kpiId = addKpi(session.doc, session.journeyId, stage.id, { name: 'Taux de conversion', target: '3', unit: '%' });
  const metrics = createMemoryMetrics({ [kpiId]: series });
  provideMetrics(session, metrics);
  const kpi = readBoard(session.doc).kpis[0]!;
  render(
    <WithSession session={session}>
      <KpiChip kpi={kpi} />
      <KpiDialogs />
    </WithSession>,
  );
  return { metrics, kpiId };
}

const values: MetricPoint[] = [
  { date: '2025-01-31', value: 2.1, source: 'file' },
  { date: '2025-02-28', value: 2.4, source: 'feed' },
  { date: '2025-03-31', value: 3.2, source: 'typed' },
];

describe('a KPI’s history', () => {
  afterEach(() => useUiStore.setState({ kpiDialog: null, locale: 'fr' }));

  it('opens from the stage header with where it stands and its values, newest first', async () => {
    setup(values);
    await userEvent.click(screen.getByRole('button', { name: /^Taux de conversion : 3,2/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Indicateur « Taux de conversion »' });
    expect(within(dialog).getByText(/3,2 % le 31\/03\/2025 — dans la cible \(cible 3 %\)/)).toBeInTheDocument();
    const table = await within(dialog).findByRole('table', { name: 'Valeurs de Taux de conversion' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .slice(0, 3)
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['31/03/2025', '3,2\u202F%', 'saisie'],
      ['28/02/2025', '2,4\u202F%', 'flux'],
      ['31/01/2025', '2,1\u202F%', 'fichier'],
    ]);
    expect(within(dialog).getByRole('img', { name: 'Courbe de Taux de conversion dans le temps' })).toBeInTheDocument();
  });

  it('edits a value, deletes one and brings it back, adds one, and refuses a value that is not a number', async () => {
    const { metrics, kpiId } = setup(values);
    act(() => useUiStore.setState({ kpiDialog: { kind: 'history', kpiId } }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Modifier la valeur du 28/02/2025' }));
    const input = within(dialog).getByRole('textbox', { name: 'Modifier la valeur du 28/02/2025' });
    await userEvent.clear(input);
    await userEvent.type(input, '2,6{Enter}');
    await waitFor(() => expect(metrics.seriesOf(kpiId).map((p) => p.value)).toEqual([2.1, 2.6, 3.2]));
    expect(metrics.writes.at(-1)).toEqual({ values: [{ kpiId, date: '2025-02-28', value: 2.6 }], source: 'typed' });

    await userEvent.click(await within(dialog).findByRole('button', { name: 'Supprimer la valeur du 31/01/2025' }));
    await within(dialog).findByText('Valeur du 31/01/2025 supprimée.');
    expect(metrics.seriesOf(kpiId)).toHaveLength(2);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(metrics.seriesOf(kpiId)).toHaveLength(3));

    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Valeur' }), 'beaucoup');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ajouter' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('La valeur doit être un nombre');
    const date = within(dialog).getByLabelText('Date');
    await userEvent.clear(date);
    await userEvent.type(date, '2025-04-30');
    await userEvent.clear(within(dialog).getByRole('textbox', { name: 'Valeur' }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Valeur' }), '3,4');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ajouter' }));
    await waitFor(() => expect(metrics.seriesOf(kpiId).at(-1)).toEqual({ date: '2025-04-30', value: 3.4, source: 'typed' }));
    expect(await within(dialog).findByText(/3,4 % le 30\/04\/2025/)).toBeInTheDocument();
  });

  it('lets a viewer read without editing, and says so when the values cannot be loaded', async () => {
    const { metrics, kpiId } = setup(values, 'viewer');
    act(() => useUiStore.setState({ kpiDialog: { kind: 'history', kpiId } }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByRole('table');
    expect(within(dialog).queryByRole('button', { name: /Modifier la valeur/ })).toBeNull();
    expect(within(dialog).queryByRole('button', { name: 'Ajouter' })).toBeNull();
    expect(within(dialog).getByText('Seuls les animateurs saisissent ou modifient des valeurs.')).toBeInTheDocument();
    act(() => useUiStore.setState({ kpiDialog: null }));
    metrics.offline = true;
    act(() => useUiStore.setState({ kpiDialog: { kind: 'history', kpiId } }));
    expect(await screen.findByText('Les valeurs n’ont pas pu être chargées (hors ligne ?).')).toBeInTheDocument();
  });
});
