import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { KpiDialogs } from '../../../src/components/kpis/KpiDialogs';
import { readStageMapping } from '../../../src/doc/crm';
import { readBoard } from '../../../src/doc/projection';
import { roots } from '../../../src/doc/schema';
import { provideMetrics } from '../../../src/sync/metrics';
import { useUiStore } from '../../../src/store';
import { createMemoryMetrics } from '../../helpers/metrics';
import { WithSession, offlineSession } from '../../helpers/session';

function setup() {
  const session = offlineSession();
  const metrics = createMemoryMetrics();
  provideMetrics(session, metrics);
  useUiStore.setState({ kpiDialog: { kind: 'crm' } });
  const view = render(
    <WithSession session={session}>
      <KpiDialogs />
    </WithSession>,
  );
  return { session, metrics, view, dialog: () => screen.getByRole('dialog', { name: 'Importer un export de pipeline CRM' }) };
}

// Deals through « Évaluation » → « Achat » (CRM names), with one row the import refuses.
const csv = [
  'Opportunity ID;Stage;Date entered',
  'A;Evaluation;05/01/2025',
  'A;Closed Won;15/01/2025',
  'B;Evaluation;10/01/2025',
  'C;Evaluation;20/01/2025',
  'C;Closed Won;30/01/2025',
  'D;Closed Lost;;',
].join('\n');

describe('importing a CRM pipeline export', () => {
  afterEach(() => useUiStore.setState({ kpiDialog: null }));

  it('maps the CRM stages once, computes volume, conversion and median time per stage, and remembers the mapping', async () => {
    const { session, metrics, dialog } = setup();
    await userEvent.upload(within(dialog()).getByLabelText('Export CRM (CSV ou XLSX)'), new File([csv], 'pipeline.csv'));
    expect(await within(dialog()).findByText('« pipeline.csv » : Une ligne par changement d’étape')).toBeInTheDocument();
    expect(within(dialog()).getByRole('status')).toHaveTextContent('5 entrées d’étape lues pour 3 affaires.');
    expect(within(dialog()).getByRole('list', { name: '1 ligne refusée' })).toHaveTextContent('Ligne 7 : date illisible');
    // « Evaluation » finds « Évaluation » by itself; « Closed Won » is mapped by hand, « Closed Lost » stays ignored.
    expect(within(dialog()).getByRole('combobox', { name: 'Evaluation' })).toHaveDisplayValue('2. Évaluation');
    await userEvent.selectOptions(within(dialog()).getByRole('combobox', { name: 'Closed Won' }), '3. Achat');
    const preview = within(dialog()).getByRole('table', { name: 'Dernier mois calculé par étape' });
    const row = within(preview).getByRole('row', { name: /Évaluation/ });
    // January: A, B, C enter the evaluation; A goes on after 10 days, C after 10: 2/3, median 10.
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['31/01/2025', '3\u00A0affaires', '66,7\u202F%', '10\u00A0jours']);
    await userEvent.click(within(dialog()).getByRole('button', { name: 'Importer 4 valeurs' }));
    await within(dialog()).findByText(/4 valeurs importées/);

    const board = readBoard(session.doc);
    const evaluation = board.stages[1]!.id;
    const achat = board.stages[2]!.id;
    const made = board.kpis
      .map((k) => [
        k.stageId === evaluation ? 'évaluation' : k.stageId === achat ? 'achat' : k.stageId,
        k.name,
        k.unit,
        k.direction,
        k.metric,
      ])
      .sort();
    // « Achat » is the last stage mapped: a volume only.
    expect(made).toEqual([
      ['achat', 'Volume entrant', 'affaires', 'up', 'volume'],
      ['évaluation', 'Conversion vers l’étape suivante', '%', 'up', 'conversion'],
      ['évaluation', 'Temps médian dans l’étape', 'jours', 'down', 'medianDays'],
      ['évaluation', 'Volume entrant', 'affaires', 'up', 'volume'],
    ]);
    const conversion = board.kpis.find((k) => k.metric === 'conversion' && k.stageId === evaluation)!;
    expect(metrics.seriesOf(conversion.id)).toEqual([{ date: '2025-01-31', value: 66.7, source: 'crm' }]);
    expect(readStageMapping(session.doc, session.journeyId)).toEqual({ Evaluation: evaluation, 'Closed Won': achat });

    // The KPIs and the mapping were one edit of the board.
    act(() => session.undo.undo());
    expect(readBoard(session.doc).kpis).toEqual([]);
    expect(readStageMapping(session.doc, session.journeyId)).toEqual({});
  });

  it('starts from the remembered mapping on the next import', async () => {
    const { session, dialog } = setup();
    const achat = readBoard(session.doc).stages[2]!.id;
    act(() => roots(session.doc).journeys.get(session.journeyId)!.set('crmStages', { 'Closed Won': achat }));
    await userEvent.upload(within(dialog()).getByLabelText('Export CRM (CSV ou XLSX)'), new File([csv], 'pipeline.csv'));
    expect(await within(dialog()).findByRole('combobox', { name: 'Closed Won' })).toHaveDisplayValue('3. Achat');
  });
});
