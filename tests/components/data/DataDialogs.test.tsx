import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DataDialogs } from '../../../src/components/data/DataDialogs';
import { addKpi } from '../../../src/doc/commands';
import { readBoard } from '../../../src/doc/projection';
import { downloadBlob } from '../../../src/export/posterExport';
import type * as PosterExport from '../../../src/export/posterExport';
import { readBoardFileText } from '../../../src/model/fileReader';
import { provideMetrics } from '../../../src/sync/metrics';
import { useUiStore } from '../../../src/store';
import { createMemoryMetrics } from '../../helpers/metrics';
import { offlineSession, WithSession } from '../../helpers/session';

vi.mock('../../../src/export/posterExport', async (original) => ({
  ...(await original<typeof PosterExport>()),
  downloadBlob: vi.fn(),
}));

/** The data menu of a board with one KPI and one value; `offline` makes the values unreadable. */
function menu(offline: boolean) {
  const session = offlineSession();
  const kpiId = addKpi(session.doc, session.journeyId, readBoard(session.doc).stages[2]!.id, { name: 'NPS', target: '40', unit: '' });
  const metrics = createMemoryMetrics({ [kpiId]: [{ date: '2026-03-31', value: 36, source: 'typed' }] });
  metrics.offline = offline;
  provideMetrics(session, metrics);
  act(() => useUiStore.getState().setDataDialog('menu'));
  render(
    <WithSession session={session}>
      <DataDialogs />
    </WithSession>,
  );
  return kpiId;
}

async function downloaded(): Promise<Record<string, unknown>> {
  const blob = vi.mocked(downloadBlob).mock.calls[0]![0];
  // jsdom's Blob has no text(): read it as a browser's FileReader would.
  const text = await new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
  return JSON.parse(text) as Record<string, unknown>;
}

describe('exporting a board file', () => {
  beforeEach(() => vi.mocked(downloadBlob).mockClear());

  it('carries the KPI values when the relay answers, without asking', async () => {
    const kpiId = menu(false);
    await userEvent.click(screen.getByRole('button', { name: /Tout le tableau \(JSON\)/ }));
    await vi.waitFor(() => expect(downloadBlob).toHaveBeenCalledTimes(1));
    const file = await downloaded();
    expect(file.metrics).toEqual({ [kpiId]: [['2026-03-31', 36, 'typed']] });
    expect(file).not.toHaveProperty('metricsOmitted');
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('offline, asks before exporting without the values; cancelling downloads nothing', async () => {
    menu(true);
    await userEvent.click(screen.getByRole('button', { name: /Tout le tableau \(JSON\)/ }));
    const ask = await screen.findByRole('alertdialog', { name: 'Valeurs des indicateurs illisibles' });
    expect(ask).toHaveTextContent('Les valeurs des indicateurs n’ont pas pu être lues (hors ligne). Exporter sans elles ?');
    await userEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Données du tableau' })).toBeInTheDocument();
    expect(downloadBlob).not.toHaveBeenCalled();
  });

  it('offline, exports without the values once asked to, and the file says it has none', async () => {
    menu(true);
    await userEvent.click(screen.getByRole('button', { name: /Ce parcours \(JSON\)/ }));
    await userEvent.click(await screen.findByRole('button', { name: 'Exporter sans les valeurs' }));
    await vi.waitFor(() => expect(downloadBlob).toHaveBeenCalledTimes(1));
    const file = await downloaded();
    expect(file).not.toHaveProperty('metrics');
    expect(file.metricsOmitted).toBe('offline');
    expect(file.scope).toBe('journey');
    // The mark is no obstacle to reading the file back.
    expect(readBoardFileText(JSON.stringify(file)).ok).toBe(true);
  });
});
