import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ShortcutsDialog } from '../../../src/components/board/ShortcutsDialog';
import { keysLabel } from '../../../src/components/canvas/keyLabel';
import { translator } from '../../../src/i18n';
import { BOARD_SHORTCUTS } from '../../../src/model/boardShortcuts';
import { TOUCHPOINT_ACTIONS } from '../../../src/model/touchpointActions';
import { useUiStore } from '../../../src/store';

const t = translator('fr');

/** The dialog's rows as [keys, what it does, when] texts. */
function rows(table: string): string[][] {
  const grid = screen.getByRole('table', { name: table });
  return within(grid)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent ?? ''));
}

describe('ShortcutsDialog', () => {
  beforeEach(() => useUiStore.setState({ shortcutsOpen: true, locale: 'fr' }));

  it('lists every card action with its keys, what it does and when it is offered', () => {
    render(<ShortcutsDialog />);
    expect(rows('Sur la carte sélectionnée')).toEqual(
      TOUCHPOINT_ACTIONS.map((a) => [keysLabel(a.keys, t), t(`tpAction.${a.name}.does`), t(`tpAction.when.${a.when}`)]),
    );
  });

  it('lists every board shortcut with its keys', () => {
    render(<ShortcutsDialog />);
    expect(rows('Sur le tableau')).toEqual(BOARD_SHORTCUTS.map((s) => [keysLabel(s.keys, t), t(`shortcuts.${s.name}`)]));
  });

  it('shows the keys people looked for: M, 0, Backspace, the arrows and the wheel', () => {
    render(<ShortcutsDialog />);
    const dialog = screen.getByRole('dialog', { name: 'Raccourcis clavier' });
    for (const keys of [
      'M',
      '0',
      'Suppr / Retour arrière',
      '↑ / ↓ / ← / →',
      'Ctrl/⌘ + Molette',
      'Alt + ←',
      'Ctrl/⌘ + Maj + Z / Ctrl/⌘ + Y',
    ]) {
      expect(within(dialog).getByText(keys, { selector: 'kbd' })).toBeInTheDocument();
    }
  });
});
