import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShareDialog } from '../../../src/components/sharing/ShareDialog';
import { ConfirmDialog } from '../../../src/components/ui/ConfirmDialog';
import { isRevokingHere, storedAccess } from '../../../src/sync/access';
import { offlineSession, WithSession } from '../../helpers/session';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** The share dialog as the board page shows it (its generic confirmation dialog beside it). */
function show(onClose = () => {}) {
  const session = { ...offlineSession(), token: 'old.token', reopen: vi.fn() };
  render(
    <WithSession session={session}>
      <ShareDialog onClose={onClose} />
      <ConfirmDialog />
    </WithSession>,
  );
  return { dialog: screen.getByRole('dialog', { name: 'Partager le tableau' }), session };
}

describe('revoking every link', () => {
  afterEach(() => vi.restoreAllMocks());

  it('asks with what it does and that it is final, under a button named for the action, and can be cancelled', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch');
    const { dialog } = show();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Révoquer tous les liens…' }));
    const ask = screen.getByRole('alertdialog', { name: 'Révoquer tous les liens ?' });
    expect(ask).toHaveTextContent('Chaque lien déjà donné pour ce tableau cessera de fonctionner');
    expect(ask).toHaveTextContent('toute personne connectée avec l’un d’eux sera déconnectée aussitôt');
    expect(ask).toHaveTextContent('Il faudra donner de nouveaux liens à chacun');
    expect(ask).toHaveTextContent('Cette action est définitive : elle ne peut pas être annulée.');
    // Not presented as an undoable deletion.
    expect(ask).not.toHaveTextContent(/Ctrl\+Z|suppression/);
    expect(within(ask).queryByRole('button', { name: 'Supprimer' })).toBeNull();
    await userEvent.click(within(ask).getByRole('button', { name: 'Annuler' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('revokes, then gives the facilitator their new link, and reopens the board only once the dialog is closed', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockResolvedValue(json({ facilitatorToken: 'new.token' }));
    const onClose = vi.fn();
    const { dialog, session } = show(onClose);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Révoquer tous les liens…' }));
    await userEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Révoquer les liens' }));
    expect(fetchMock).toHaveBeenCalledWith(
      `/api/boards/${session.boardId}/revoke`,
      expect.objectContaining({ method: 'POST', headers: { Authorization: 'Bearer old.token' } }),
    );
    expect(await within(dialog).findByText('Tous les anciens liens sont révoqués.')).toBeInTheDocument();
    const link = within(dialog).getByRole('textbox', { name: 'Votre nouveau lien animateur — gardez-le pour vous' });
    expect(link).toHaveValue(`${window.location.origin}/b/${session.boardId}?t=new.token`);
    expect(storedAccess(session.boardId)).toEqual({ token: 'new.token', role: 'facilitator' });
    // The relay cutting this tab's own connection meanwhile is expected, not a reason to leave.
    expect(isRevokingHere(session.boardId)).toBe(true);
    expect(session.reopen).not.toHaveBeenCalled();
    await userEvent.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalled();
    expect(session.reopen).toHaveBeenCalledTimes(1);
  });

  it('mints later links with the new token, not the revoked one', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockResolvedValueOnce(json({ facilitatorToken: 'new.token' }));
    const { dialog, session } = show();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Révoquer tous les liens…' }));
    await userEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Révoquer les liens' }));
    await within(dialog).findByText('Tous les anciens liens sont révoqués.');
    fetchMock.mockResolvedValueOnce(json({ token: 'participant.token', role: 'participant', expiresAt: 0 }, 201));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Créer le lien' }));
    expect(await within(dialog).findByRole('textbox', { name: 'Lien Participant·e' })).toHaveValue(
      `${window.location.origin}/b/${session.boardId}?t=participant.token`,
    );
    expect(fetchMock).toHaveBeenLastCalledWith(
      `/api/boards/${session.boardId}/links`,
      expect.objectContaining({ headers: expect.objectContaining({ Authorization: 'Bearer new.token' }) }),
    );
  });
});
