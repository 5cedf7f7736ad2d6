import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { IdentityDialog } from '../../../src/components/board/IdentityDialog';

describe('IdentityDialog', () => {
  it('selects the offered name, so typing replaces it', async () => {
    const onSave = vi.fn();
    render(<IdentityDialog initial={{ id: 'person-0001', name: 'Participant·e 48', color: '#2563eb' }} onSave={onSave} />);
    const name = screen.getByRole('textbox', { name: 'Votre nom' });
    expect(name).toHaveFocus();
    await userEvent.keyboard('Hugo (DG){Enter}');
    expect(name).toHaveValue('Hugo (DG)');
    expect(onSave).toHaveBeenCalledWith({ id: 'person-0001', name: 'Hugo (DG)', color: '#2563eb' });
  });

  it('keeps the chosen colour as a radio choice', async () => {
    const onSave = vi.fn();
    render(<IdentityDialog initial={{ id: 'person-0001', name: 'Hugo', color: '#2563eb' }} onSave={onSave} />);
    await userEvent.click(screen.getByRole('radio', { name: '#db2777' }));
    await userEvent.click(screen.getByRole('button', { name: 'Continuer' }));
    expect(onSave).toHaveBeenCalledWith({ id: 'person-0001', name: 'Hugo', color: '#db2777' });
  });
});
