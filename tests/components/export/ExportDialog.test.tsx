import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ExportDialog } from '../../../src/components/export/ExportDialog';
import { useUiStore } from '../../../src/store';
import { WithSession, offlineSession } from '../../helpers/session';

const status = () =>
  screen.getByRole('dialog', { name: 'Exporter le poster' }).querySelector('.export-size')?.textContent?.replace(/\s/g, ' ');

function open() {
  useUiStore.getState().setExportOpen(true);
  render(
    <WithSession session={offlineSession()}>
      <ExportDialog />
    </WithSession>,
  );
}

afterEach(() => useUiStore.getState().setExportOpen(false));

describe('ExportDialog', () => {
  it('shows the pixel size of each paper preset, resolution and orientation', async () => {
    open();
    const dialog = screen.getByRole('dialog', { name: 'Exporter le poster' });
    const format = within(dialog).getByRole('combobox', { name: 'Format' });
    await userEvent.selectOptions(format, 'A0');
    await userEvent.click(within(dialog).getByRole('radio', { name: '300 dpi' }));
    expect(status()).toMatch(/14 043 × 9 933 px/);
    expect(status()).toMatch(/A0 paysage : 1\s189 × 841 mm à 300 dpi/);
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Portrait' }));
    expect(status()).toMatch(/9 933 × 14 043 px/);
    await userEvent.selectOptions(format, 'A3');
    await userEvent.click(within(dialog).getByRole('radio', { name: '150 dpi' }));
    expect(status()).toMatch(/1 754 × 2 480 px/);
    await userEvent.selectOptions(format, 'A4');
    await userEvent.click(within(dialog).getByRole('radio', { name: '96 dpi' }));
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Paysage' }));
    expect(status()).toMatch(/1 123 × 794 px/);
  });

  it('takes a custom pixel width and refuses sizes past the limit', async () => {
    open();
    const dialog = screen.getByRole('dialog', { name: 'Exporter le poster' });
    await userEvent.selectOptions(within(dialog).getByRole('combobox', { name: 'Format' }), 'custom');
    const width = within(dialog).getByRole('spinbutton', { name: 'Largeur en pixels' });
    await userEvent.clear(width);
    await userEvent.type(width, '5000');
    expect(status()).toMatch(/5 000 × 3 536 px/);
    expect(within(dialog).getByRole('button', { name: 'Exporter' })).toBeEnabled();
    await userEvent.clear(width);
    await userEvent.type(width, '40000');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Trop grand');
    expect(within(dialog).getByRole('button', { name: 'Exporter' })).toBeDisabled();
  });

  it('offers the current view only and a transparent background', async () => {
    open();
    const dialog = screen.getByRole('dialog', { name: 'Exporter le poster' });
    await userEvent.click(within(dialog).getByRole('radio', { name: 'La vue actuelle seulement' }));
    expect(within(dialog).queryByRole('combobox', { name: 'Format' })).toBeNull();
    expect(within(dialog).getByRole('checkbox', { name: 'Fond transparent' })).not.toBeChecked();
  });
});
