import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ImportBoardDialog } from '../../../src/components/data/ImportBoardDialog';
import { boardFile, boardFileJson } from '../../../src/model/fileExport';
import { board, journey, kpi, lane, touchpoint } from '../../helpers/records';
import type { Channel, Stage } from '../../../src/model/types';

function fileWith(text: string): File {
  const json = boardFileJson(
    boardFile(
      board({
        journeys: [journey({ id: 'j' })],
        stages: [lane<Stage>({ id: 's' })],
        channels: [lane<Channel>({ id: 'c' })],
        touchpoints: [touchpoint({ id: 't', text })],
      }),
      { exportedAt: '2026-01-01T00:00:00.000Z' },
    ),
  );
  return new File([json], 'tableau.parcours.json', { type: 'application/json' });
}

function offlineFileWith(kpis: number): File {
  const content = board({
    journeys: [journey({ id: 'j' })],
    stages: [lane<Stage>({ id: 's' })],
    channels: [lane<Channel>({ id: 'c' })],
    kpis: Array.from({ length: kpis }, (_, i) => kpi({ id: `k${i}`, stageId: 's' })),
  });
  const json = boardFileJson(boardFile(content, { exportedAt: '2026-01-01T00:00:00.000Z', metricsOmitted: true }));
  return new File([json], 'hors-ligne.parcours.json', { type: 'application/json' });
}

describe('ImportBoardDialog', () => {
  it('says that a file exported offline brings its KPIs without their values', async () => {
    render(<ImportBoardDialog onClose={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: 'Importer un tableau' });
    await userEvent.upload(within(dialog).getByLabelText('Fichier JSON du tableau'), offlineFileWith(2));
    expect(await within(dialog).findByText(/exporté hors ligne, sans les valeurs des indicateurs : le nouveau tableau aura ses 2 indicateurs/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Créer le nouveau tableau' })).toBeEnabled();
  });

  it('says nothing of KPI values for an offline file without KPIs', async () => {
    render(<ImportBoardDialog onClose={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: 'Importer un tableau' });
    await userEvent.upload(within(dialog).getByLabelText('Fichier JSON du tableau'), offlineFileWith(0));
    await within(dialog).findByText(/Nouveau tableau/);
    expect(within(dialog).queryByText(/hors ligne/)).toBeNull();
  });

  it('says before anything is created that named versions do not come with the file', () => {
    render(<ImportBoardDialog onClose={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: 'Importer un tableau' });
    expect(within(dialog).getByText(/Les versions nommées ne font pas partie du fichier/)).toBeInTheDocument();
  });

  it('announces that an over-long text will be cut, and where, before the board is created', async () => {
    render(<ImportBoardDialog onClose={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: 'Importer un tableau' });
    await userEvent.upload(within(dialog).getByLabelText('Fichier JSON du tableau'), fileWith('J'.repeat(62_000)));
    expect(await within(dialog).findByText(/1 texte plus long que permis sera coupé/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByText('Ce que l’import répare (1)'));
    expect(within(dialog).getByText('records.touchpoints[0].text : texte coupé à 500 caractères (62 000 dans le fichier)')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Créer le nouveau tableau' })).toBeEnabled();
  });
});
