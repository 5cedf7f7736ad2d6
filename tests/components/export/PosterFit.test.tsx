import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ExportDialog } from '../../../src/components/export/ExportDialog';
import { useUiStore } from '../../../src/store';
import { WithSession, offlineSession } from '../../helpers/session';

/**
 * jsdom lays nothing out: a poster here is as tall as a fixed area divided by its width, as a
 * real one wraps its cards (wider is shorter). This one is tall: on A4 its text prints too small.
 */
const AREA = 6_000_000;
const offsetHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight')!;
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('poster') ? Math.round(AREA / parseFloat(this.style.width || '1')) : 0;
    },
  });
});
afterAll(() => Object.defineProperty(HTMLElement.prototype, 'offsetHeight', offsetHeight));
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

describe('fitting the poster to its paper', () => {
  it('previews the poster and tells the size its text will print at, before any file is made', async () => {
    const dialog = open();
    expect(within(dialog).getByRole('figure', { name: 'Aperçu du poster sur A0 paysage' })).toBeInTheDocument();
    await waitFor(() => expect(within(dialog).getByText(/Le texte des cartes s’imprimera à/)).toBeVisible());
    expect(within(dialog).getByText(/Le texte des cartes s’imprimera à/)).toHaveTextContent('Le texte des cartes s’imprimera à 16,6 pt.');
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('warns under 6 pt and offers a bigger paper in one click', async () => {
    const dialog = open();
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Format' }), 'A4');
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Le texte des cartes s’imprimera à 4,1 pt. Trop petit pour être lu sur un mur : moins de 6 pt.');
    expect(alert).toHaveTextContent('n’est pas proposé');
    await userEvent.click(within(alert).getByRole('button', { name: 'Passer en A2 (texte à 8,3 pt)' }));
    expect(within(dialog).getByRole('combobox', { name: 'Format' })).toHaveValue('A2');
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(within(dialog).getByText(/s’imprimera à/)).toHaveTextContent('8,3 pt');
  });

  it('offers fewer stages on this poster in one click, the others left for another', async () => {
    const dialog = open();
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Format' }), 'A4');
    const alert = await within(dialog).findByRole('alert');
    await userEvent.click(
      within(alert).getByRole('button', { name: 'N’imprimer que les étapes 1 à 3 sur ce poster (les suivantes sur un autre)' }),
    );
    const stages = within(dialog).getByRole('group', { name: 'Étapes imprimées' });
    expect(within(stages).getByRole('combobox', { name: 'De l’étape' })).toHaveDisplayValue('1 · Découverte');
    expect(within(stages).getByRole('combobox', { name: 'à l’étape' })).toHaveDisplayValue('3 · Achat');
    // The preview shows those three stages, and says which part of the journey it is.
    const preview = within(dialog).getByRole('figure');
    expect(preview.querySelectorAll('.p-stage')).toHaveLength(3);
    expect(preview).toHaveTextContent('Étapes 1 à 3 sur 5');
    await userEvent.click(within(stages).getByRole('button', { name: 'Toutes' }));
    expect(preview.querySelectorAll('.p-stage')).toHaveLength(5);
  });
});
