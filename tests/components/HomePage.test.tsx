import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { HomePage, boardIdFromInput } from '../../src/components/HomePage';
import { rememberBoard } from '../../src/sync/recentBoards';

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

  it('creates a board with a fresh unguessable id', async () => {
    render(<HomePage />);
    await userEvent.click(screen.getByRole('button', { name: /Nouveau tableau/ }));
    expect(window.location.pathname).toMatch(/^\/b\/[A-Za-z0-9_-]{22}$/);
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
