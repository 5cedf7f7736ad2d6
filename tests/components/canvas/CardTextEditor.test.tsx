import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CardTextEditor } from '../../../src/components/canvas/CardTextEditor';

describe('CardTextEditor', () => {
  it('gives the focus back to the text after Esc or Enter, not to the top of the page', async () => {
    const onCommit = vi.fn();
    render(<CardTextEditor value="Frais cachés" label="Irritant" placeholder="…" maxLength={500} onCommit={onCommit} />);
    const text = screen.getByRole('button', { name: 'Irritant : Frais cachés' });
    text.focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('textbox', { name: 'Irritant' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Irritant : Frais cachés' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await userEvent.type(screen.getByRole('textbox', { name: 'Irritant' }), ' au paiement{Enter}');
    expect(onCommit).toHaveBeenCalledWith('Frais cachés au paiement');
    expect(screen.getByRole('button', { name: /^Irritant :/ })).toHaveFocus();
  });
});
