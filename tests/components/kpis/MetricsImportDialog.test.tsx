import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { KpiDialogs } from '../../../src/components/kpis/KpiDialogs';
import { addKpi } from '../../../src/doc/commands';
import { readBoard } from '../../../src/doc/projection';
import type { MetricPoint } from '../../../src/model/metrics';
import { provideMetrics } from '../../../src/sync/metrics';
import { useUiStore } from '../../../src/store';
import { createMemoryMetrics } from '../../helpers/metrics';
import { WithSession, offlineSession } from '../../helpers/session';
import { makeXlsx } from '../../helpers/xlsx';

function setup(existing: MetricPoint[] = []) {
  const session = offlineSession();
  const stages = readBoard(session.doc).stages;
  const conversion = addKpi(session.doc, session.journeyId, stages[2]!.id, { name: 'Taux de conversion', target: '3', unit: '%' });
  const nps = addKpi(session.doc, session.journeyId, stages[3]!.id, { name: 'NPS', target: '40', unit: 'pts' });
  const metrics = createMemoryMetrics({ [conversion]: existing });
  provideMetrics(session, metrics);
  useUiStore.setState({ kpiDialog: { kind: 'import' } });
  render(
    <WithSession session={session}>
      <KpiDialogs />
    </WithSession>,
  );
  return { metrics, conversion, nps, dialog: screen.getByRole('dialog', { name: 'Importer des mesures' }) };
}

const file = (content: BlobPart, name: string) => new File([content], name);
const frenchCsv =
  '\uFEFFDate;Étape;Indicateur;Valeur\r\n31/01/2025;Achat;Taux de conversion;2,1\r\n28/02/2025;Achat;Taux de conversion;2,4\r\n31/01/2025;Usage & fidélisation;NPS;31\r\n31/01/2025;Achat;CSAT;80\r\n30/02/2025;Usage & fidélisation;NPS;1\r\n';

describe('importing a metrics file', () => {
  afterEach(() => useUiStore.setState({ kpiDialog: null }));

  it('previews a French CSV, lists the refused rows with their lines, and imports the rest as one change that one click undoes', async () => {
    const { metrics, conversion, nps, dialog } = setup([{ date: '2025-01-31', value: 1.9, source: 'typed' }]);
    await userEvent.upload(within(dialog).getByLabelText('Fichier de mesures (CSV ou XLSX)'), file(frenchCsv, 'mesures.csv'));
    expect(await within(dialog).findByText('« mesures.csv » : CSV (UTF-8, séparateur « ; »)')).toBeInTheDocument();
    expect(within(dialog).getByRole('combobox', { name: 'Indicateur' })).toHaveDisplayValue('Indicateur');
    expect(within(dialog).getByRole('status')).toHaveTextContent('3 valeurs seront importées pour 2 indicateurs.');
    const refused = within(dialog).getByRole('list', { name: '2 lignes refusées' });
    expect(
      within(refused)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Ligne 5 : indicateur inconnu dans ce parcours', 'Ligne 6 : date illisible']);
    expect(metrics.writes).toEqual([]);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Importer 3 valeurs' }));
    expect(await within(dialog).findByText('3 valeurs importées. Nouvelles : 2 · remplacées : 1 · déjà là : 0')).toBeInTheDocument();
    expect(metrics.writes).toHaveLength(1);
    expect(metrics.seriesOf(conversion).map((p) => [p.date, p.value, p.source])).toEqual([
      ['2025-01-31', 2.1, 'file'],
      ['2025-02-28', 2.4, 'file'],
    ]);
    expect(metrics.seriesOf(nps)).toHaveLength(1);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Annuler cet import' }));
    expect(await within(dialog).findByText('Import annulé : les valeurs sont revenues comme avant.')).toBeInTheDocument();
    expect(metrics.seriesOf(conversion)).toEqual([{ date: '2025-01-31', value: 1.9, source: 'typed' }]);
    expect(metrics.seriesOf(nps)).toEqual([]);
  });

  it('lets the columns be mapped by hand, and changes nothing when cancelled', async () => {
    const { metrics, dialog } = setup();
    await userEvent.upload(
      within(dialog).getByLabelText(/Fichier de mesures/),
      file('quand,quoi,combien\n2025-01-31,Taux de conversion,"2,5"\n', 'export.csv'),
    );
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Choisissez la colonne de chaque donnée nécessaire : Date, Indicateur et Valeur.',
    );
    expect(within(dialog).queryByRole('button', { name: /^Importer/ })).toBeNull();
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Date' }), 'quand');
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Indicateur' }), 'quoi');
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Valeur' }), 'combien');
    expect(within(dialog).getByRole('button', { name: 'Importer 1 valeur' })).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect(useUiStore.getState().kpiDialog).toBeNull();
    expect(metrics.writes).toEqual([]);
  });

  it('reads an XLSX workbook, and refuses a binary file named .csv with nothing changed', async () => {
    const { metrics, conversion, dialog } = setup();
    await userEvent.upload(
      within(dialog).getByLabelText(/Fichier de mesures/),
      file(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1]), 'mesures.csv'),
    );
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Ce fichier n’est ni un texte CSV ni un classeur XLSX. Rien n’a été modifié.',
    );
    const xlsx = makeXlsx([
      ['Date', 'Indicateur', 'Valeur'],
      [new Date(Date.UTC(2025, 2, 31)), 'Taux de conversion', 3.1],
    ]);
    await userEvent.upload(within(dialog).getByLabelText(/Fichier de mesures/), file(new Uint8Array(xlsx), 'mesures.xlsx'));
    expect(await within(dialog).findByText('« mesures.xlsx » : classeur XLSX (première feuille)')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Importer 1 valeur' }));
    await waitFor(() => expect(metrics.seriesOf(conversion)).toEqual([{ date: '2025-03-31', value: 3.1, source: 'file' }]));
  });

  it('says the import failed and changed nothing when the relay cannot be reached', async () => {
    const { metrics, conversion, dialog } = setup();
    await userEvent.upload(within(dialog).getByLabelText(/Fichier de mesures/), file(frenchCsv, 'mesures.csv'));
    await within(dialog).findByRole('button', { name: 'Importer 3 valeurs' });
    metrics.offline = true;
    await userEvent.click(within(dialog).getByRole('button', { name: 'Importer 3 valeurs' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'L’import a échoué : vous êtes hors ligne — réessayez une fois la connexion revenue. Rien n’a été modifié.',
    );
    expect(metrics.seriesOf(conversion)).toEqual([]);
  });
});
