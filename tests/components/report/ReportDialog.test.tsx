import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BoardActions } from '../../../src/components/board/BoardActions';
import { downloadFile } from '../../../src/export/downloadFile';
import { loadReportFont } from '../../../src/export/reportFont';
import { WithSession, offlineSession } from '../../helpers/session';

// The font is a built asset fetched over HTTP in the app; here it is read from its package, and the browser's download is watched.
const fontPath = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
vi.mock('../../../src/export/reportFont', () => ({ loadReportFont: vi.fn() }));
vi.mock('../../../src/export/downloadFile', () => ({ downloadFile: vi.fn() }));
let releaseFont: (() => void) | null = null;
beforeEach(() => {
  vi.mocked(downloadFile).mockClear();
  vi.mocked(loadReportFont).mockReset();
  vi.mocked(loadReportFont).mockImplementation(() => Promise.resolve(new Uint8Array(readFileSync(fontPath))));
});

async function openDialog() {
  const user = userEvent.setup();
  render(
    <WithSession session={offlineSession()}>
      <BoardActions />
    </WithSession>,
  );
  await user.click(screen.getByRole('button', { name: 'Exporter le rapport…' }));
  return { user, dialog: await screen.findByRole('dialog', { name: 'Exporter le rapport PDF' }) };
}

describe('the report dialog', () => {
  it('is opened from the board actions and downloads a PDF of the journeys chosen', async () => {
    const { user, dialog } = await openDialog();
    const boxes = within(dialog).getAllByRole('checkbox');
    expect(boxes.length).toBeGreaterThan(0);
    expect(boxes.every((b) => (b as HTMLInputElement).checked)).toBe(true);
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Format (paysage)' }), 'A3');
    await user.type(within(dialog).getByRole('textbox', { name: 'Version (facultatif)' }), 'v1 2026');
    await user.click(within(dialog).getByRole('button', { name: 'Exporter le PDF' }));
    await waitFor(
      () =>
        expect(within(dialog).getByRole('status')).toHaveTextContent(
          /Rapport enregistré : .*-rapport-\d{4}-\d{2}-\d{2}\.pdf \(\d+ pages\)\./,
        ),
      { timeout: 30_000 },
    );
    const [bytes, fileName, type] = vi.mocked(downloadFile).mock.calls[0]!;
    expect(type).toBe('application/pdf');
    expect(fileName).toMatch(/\.pdf$/);
    expect(new TextDecoder().decode((bytes as Uint8Array).slice(0, 5))).toBe('%PDF-');
  }, 60_000);

  it('asks for at least one journey before exporting', async () => {
    const { user, dialog } = await openDialog();
    for (const box of within(dialog).getAllByRole('checkbox')) await user.click(box);
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Choisissez au moins un parcours.');
    expect(within(dialog).getByRole('button', { name: 'Exporter le PDF' })).toBeDisabled();
  });

  it('cancels while the report is being made, and saves nothing', async () => {
    vi.mocked(loadReportFont).mockImplementation(
      () => new Promise((resolve) => (releaseFont = () => resolve(new Uint8Array(readFileSync(fontPath))))),
    );
    const { user, dialog } = await openDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Exporter le PDF' }));
    await waitFor(() => expect(within(dialog).getByRole('progressbar', { name: 'Avancement du rapport' })).toBeInTheDocument(), {
      timeout: 20_000,
    });
    await user.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    releaseFont?.();
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent('Export annulé. Aucun fichier n’a été enregistré.'));
    expect(downloadFile).not.toHaveBeenCalled();
  }, 30_000);

  it('says why when the report cannot be made', async () => {
    vi.mocked(loadReportFont).mockRejectedValue(new Error('réseau coupé'));
    const { user, dialog } = await openDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Exporter le PDF' }));
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent('Le rapport n’a pas pu être créé : réseau coupé.'), {
      timeout: 20_000,
    });
    await user.click(within(dialog).getByRole('button', { name: 'Autre export' }));
    expect(within(dialog).getByRole('button', { name: 'Exporter le PDF' })).toBeEnabled();
  }, 30_000);
});
