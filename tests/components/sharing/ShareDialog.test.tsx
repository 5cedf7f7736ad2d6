import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShareDialog } from '../../../src/components/sharing/ShareDialog';
import { offlineSession, WithSession } from '../../helpers/session';

function show() {
  render(
    <WithSession session={offlineSession()}>
      <ShareDialog onClose={() => {}} />
    </WithSession>,
  );
  return screen.getByRole('dialog', { name: 'Partager le tableau' });
}

describe('ShareDialog', () => {
  afterEach(() => vi.restoreAllMocks());

  it('offers validities that agree with their number of days', () => {
    const dialog = show();
    const validity = within(dialog).getByRole('combobox', { name: 'Validité' });
    expect(
      within(validity)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['1 jour', '7 jours', '30 jours', 'Sans limite']);
  });

  it('offline, says to try again once connected instead of « Failed to fetch »', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    const dialog = show();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Créer le lien' }));
    expect(await within(dialog).findByRole('status')).toHaveTextContent('Vous êtes hors ligne — réessayez une fois la connexion revenue.');
    expect(dialog).not.toHaveTextContent(/Failed to fetch|Le serveur a refusé/);
  });

  it('still says why the relay refused when it did answer', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(JSON.stringify({ error: 'facilitator only' }), { status: 403 }));
    const dialog = show();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Créer le lien' }));
    expect(await within(dialog).findByRole('status')).toHaveTextContent('Le serveur a refusé : facilitator only');
  });
});
