import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { InlineNameEditor } from '../../../src/components/ui/InlineNameEditor';

/** A name with its rename button, as a stage header has. */
function Renamable() {
  const [name, setName] = useState('Achat');
  const [editing, setEditing] = useState(false);
  return (
    <div>
      {editing ? (
        <InlineNameEditor
          value={name}
          label="Nom"
          maxLength={80}
          onCommit={(v) => (setName(v), setEditing(false))}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <h2>{name}</h2>
      )}
      <button type="button" onClick={() => setEditing(true)}>
        Renommer
      </button>
    </div>
  );
}

describe('InlineNameEditor', () => {
  it('gives the focus back to what opened it after Enter or Esc', async () => {
    render(<Renamable />);
    screen.getByRole('button', { name: 'Renommer' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('textbox', { name: 'Nom' })).toHaveFocus();
    await userEvent.keyboard('Paiement{Enter}');
    expect(screen.getByRole('heading', { name: 'Paiement' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Renommer' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('textbox', { name: 'Nom' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Renommer' })).toHaveFocus();
  });
});
