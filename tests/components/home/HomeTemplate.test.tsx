import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { HomePage } from '../../../src/components/home/HomePage';

describe('a new board from a template', () => {
  it('remembers the chosen template for the tab that seeds the board', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(JSON.stringify({ boardId: 'Tmplateboard_123456789', token: 't.s', role: 'facilitator' }), {
        status: 201,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    render(<HomePage />);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Modèle' }), 'Cycle de vente B2B (pipeline)');
    await userEvent.click(screen.getByRole('button', { name: /Nouveau tableau/ }));
    await waitFor(() => expect(window.location.pathname).toBe('/b/Tmplateboard_123456789'));
    expect(sessionStorage.getItem('parcours.creating')).toBe('Tmplateboard_123456789');
    expect(sessionStorage.getItem('parcours.creatingTemplate')).toBe('sales');
    fetchMock.mockRestore();
  });
});
