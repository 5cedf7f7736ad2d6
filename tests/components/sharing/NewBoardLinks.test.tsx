import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NewBoardLinks } from '../../../src/components/sharing/NewBoardLinks';
import { createBoard } from '../../../src/sync/access';
import { hasLinksToShow } from '../../../src/sync/createdHere';
import type { Role } from '../../../src/model/roles';
import { offlineSession, WithSession } from '../../helpers/session';

const BOARD = 'Abcdefghijklmnopqrstuv';
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function show(role: Role = 'facilitator') {
  const session = { ...offlineSession(), boardId: BOARD, token: 'facilitator.token', role };
  return render(
    <WithSession session={session}>
      <NewBoardLinks />
    </WithSession>,
  );
}

describe('the links of a new board', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    sessionStorage.clear();
  });

  it('shows whoever created the board their facilitator link to keep and a participant link to hand out, once', async () => {
    const fetchMock = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValueOnce(json({ boardId: BOARD, token: 'facilitator.token', role: 'facilitator' }, 201));
    await createBoard();
    fetchMock.mockResolvedValueOnce(json({ token: 'participant.token', role: 'participant', expiresAt: Date.UTC(2030, 0, 8, 12) }, 201));
    const { unmount } = show();
    const dialog = screen.getByRole('region', { name: 'Votre tableau est prêt' });
    expect(dialog).toHaveTextContent('L’adresse du tableau seule ne l’ouvre pas');
    expect(within(dialog).getByRole('textbox', { name: 'Votre lien animateur — gardez-le pour vous' })).toHaveValue(
      `${window.location.origin}/b/${BOARD}?t=facilitator.token`,
    );
    const participant = await within(dialog).findByRole('textbox', { name: 'Lien participant — à donner aux participant·es' });
    expect(participant).toHaveValue(`${window.location.origin}/b/${BOARD}?t=participant.token`);
    expect(dialog).toHaveTextContent('Valable jusqu’au 8 janvier 2030.');
    expect(fetchMock).toHaveBeenLastCalledWith(
      `/api/boards/${BOARD}/links`,
      expect.objectContaining({ method: 'POST', body: JSON.stringify({ role: 'participant', expiresInDays: 7 }) }),
    );
    expect(within(dialog).getByRole('button', { name: /Copier le lien — Lien participant/ })).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'C’est noté' }));
    expect(screen.queryByRole('region', { name: 'Votre tableau est prêt' })).toBeNull();
    unmount();
    // Opening the board again shows nothing more.
    expect(hasLinksToShow(BOARD)).toBe(false);
    show();
    expect(screen.queryByRole('region', { name: 'Votre tableau est prêt' })).toBeNull();
  });

  it('shows nothing on a board this tab did not create, nor to someone who is not its facilitator', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch');
    const { unmount } = show();
    expect(screen.queryByRole('region', { name: 'Votre tableau est prêt' })).toBeNull();
    unmount();
    sessionStorage.setItem('parcours.showLinks', BOARD);
    show('participant');
    expect(screen.queryByRole('region', { name: 'Votre tableau est prêt' })).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('still shows the facilitator link when the participant link cannot be made', async () => {
    sessionStorage.setItem('parcours.showLinks', BOARD);
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    show();
    const dialog = screen.getByRole('region', { name: 'Votre tableau est prêt' });
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Vous êtes hors ligne');
    expect(within(dialog).getByRole('textbox', { name: 'Votre lien animateur — gardez-le pour vous' })).toBeInTheDocument();
  });
});
