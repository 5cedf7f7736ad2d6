import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportDialog } from '../../../src/components/export/ExportDialog';
import { downloadBlob, renderPosterPng } from '../../../src/export/posterExport';
import type * as PosterExportModule from '../../../src/export/posterExport';
import { useUiStore } from '../../../src/store';
import { WithSession, offlineSession } from '../../helpers/session';

// The rasteriser needs a real browser (canvas, workers): here it reports one strip, then waits for the test or for cancellation.
vi.mock('../../../src/export/posterExport', async (importOriginal) => ({
  ...(await importOriginal<typeof PosterExportModule>()),
  renderPosterPng: vi.fn(),
  downloadBlob: vi.fn(),
}));
let finish: (() => void) | null = null;
beforeEach(() => {
  vi.mocked(downloadBlob).mockClear();
  vi.mocked(renderPosterPng).mockReset();
  vi.mocked(renderPosterPng).mockImplementation(async (_element, { signal, onProgress }) => {
    onProgress({ strip: 1, strips: 3 });
    await new Promise<void>((resolve, reject) => {
      finish = resolve;
      signal.addEventListener('abort', () => reject(new DOMException('Export cancelled', 'AbortError')));
    });
    return {
      blob: new Blob(['png']),
      scale: 1,
      content: { width: 2000, height: 1000 },
      timings: { layoutMs: 0, serialiseMs: 0, decodeMs: 0, renderMs: 0 },
    };
  });
});
afterEach(() => useUiStore.getState().setExportOpen(false));

function open() {
  useUiStore.getState().setExportOpen(true);
  render(
    <WithSession session={offlineSession()}>
      <ExportDialog />
    </WithSession>,
  );
  return screen.getByRole('dialog', { name: 'Exporter le poster' });
}

describe('running a poster export', () => {
  it('renders the poster offscreen, shows the strips as they go, and stops on Cancel', async () => {
    const dialog = open();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Exporter' }));
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent('Rendu de la bande 1 sur 3'));
    // What is rasterised is the poster laid out outside the dialog, not its preview.
    const element = vi.mocked(renderPosterPng).mock.calls[0]![0];
    expect(element.classList.contains('poster')).toBe(true);
    expect(element.closest('.poster-stage')).not.toBeNull();
    expect(within(dialog).getByRole('progressbar', { name: 'Progression de l’export' })).toHaveValue(0);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent('Export annulé.'));
    expect(downloadBlob).not.toHaveBeenCalled();
    expect(document.querySelector('.poster-stage')).toBeNull();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Autre export' }));
    expect(within(dialog).getByRole('button', { name: 'Exporter' })).toBeInTheDocument();
  });

  it('downloads the file once rendered, named after the board, journey, stages and paper', async () => {
    const dialog = open();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Exporter' }));
    await waitFor(() => expect(finish).not.toBeNull());
    finish!();
    await waitFor(() =>
      expect(within(dialog).getByRole('status')).toHaveTextContent(
        'Poster téléchargé : nouveau-parcours-client-parcours-existant-A0-150dpi.png',
      ),
    );
    expect(downloadBlob).toHaveBeenCalledTimes(1);
    expect(within(dialog).getByText(/Texte des cartes imprimé à environ/)).toHaveTextContent('Texte des cartes imprimé à environ 24,4 pt.');
    expect(document.querySelector('.poster-stage')).toBeNull();
  });
});
