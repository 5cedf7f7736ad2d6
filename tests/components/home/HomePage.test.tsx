import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { storedAccess } from '../../../src/sync/access';
import { HomePage, boardIdFromInput } from '../../../src/components/home/HomePage';
import { rememberBoard } from '../../../src/sync/recentBoards';

describe('HomePage', () => {
  it('lists the boards this browser opened, newest first', () => {
    rememberBoard({ id: 'aaaaaaaaaaaaaaaaaaaaaa', title: 'Parcours achat', lastOpened: 1 });
    rememberBoard({ id: 'bbbbbbbbbbbbbbbbbbbbbb', title: 'Onboarding B2B', lastOpened: 2 });
    render(<HomePage />);
    const links = screen.getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual(['Onboarding B2B', 'Parcours achat']);
    expect(links[0]).toHaveAttribute('href', '/b/bbbbbbbbbbbbbbbbbbbbbb');
  });

  it('says so when there is no recent board', () => {
    render(<HomePage />);
    expect(screen.getByText(/Aucun tableau ouvert/)).toBeInTheDocument();
  });

  it('creates a protected board on the relay and keeps its facilitator token', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(JSON.stringify({ boardId: 'Abcdefghijklmnopqrstuv', token: 'tok.sig', role: 'facilitator' }), {
        status: 201,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    render(<HomePage />);
    await userEvent.click(screen.getByRole('button', { name: /Nouveau tableau/ }));
    await waitFor(() => expect(window.location.pathname).toBe('/b/Abcdefghijklmnopqrstuv'));
    expect(fetchMock).toHaveBeenCalledWith('/api/boards', expect.objectContaining({ method: 'POST' }));
    expect(storedAccess('Abcdefghijklmnopqrstuv')).toEqual({ token: 'tok.sig', role: 'facilitator' });
    fetchMock.mockRestore();
  });

  it('offline, says a new board needs the connection instead of « Failed to fetch »', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    render(<HomePage />);
    await userEvent.click(screen.getByRole('button', { name: /Nouveau tableau/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Vous êtes hors ligne — réessayez une fois la connexion revenue.');
    expect(screen.queryByText(/Failed to fetch/)).toBeNull();
    fetchMock.mockRestore();
  });

  it('rejects a link that is not a board, with a clear message', async () => {
    render(<HomePage />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Lien ou identifiant du tableau' }), 'https://exemple.fr/b/court');
    await userEvent.click(screen.getByRole('button', { name: 'Ouvrir' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Ce lien ne correspond à aucun tableau Parcours valide.');
  });

  it('reads a board id from a pasted link or a bare id', () => {
    expect(boardIdFromInput('http://localhost:8080/b/abcdefghijklmnop_-1234')).toBe('abcdefghijklmnop_-1234');
    expect(boardIdFromInput('  abcdefghijklmnop_-1234 ')).toBe('abcdefghijklmnop_-1234');
    expect(boardIdFromInput('http://x/b/abc')).toBeNull();
    expect(boardIdFromInput('../../etc/passwd')).toBeNull();
  });
});
