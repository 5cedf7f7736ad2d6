/**
 * The board's own shortcuts (besides the card actions of touchpointActions.ts), declared once:
 * the keyboard handler runs them and the shortcuts dialog lists them from here.
 */
import { matchesKey, type KeyBinding, type KeyPress } from './keys';

export type BoardShortcutName = 'undo' | 'redo' | 'add' | 'navigate' | 'addHere' | 'escape' | 'help' | 'pan' | 'zoom' | 'search';

export interface BoardShortcut {
  name: BoardShortcutName;
  keys: readonly KeyBinding[];
  /** 'edit' changes the board and never runs for a viewer. */
  needs: 'edit' | 'read';
}

/** The wheel, named like a key so the dialog can list the gestures beside the keys. */
export const WHEEL = 'Wheel';

export const BOARD_SHORTCUTS: readonly BoardShortcut[] = [
  { name: 'undo', keys: [{ key: 'z', mod: true, shift: false }], needs: 'edit' },
  {
    name: 'redo',
    keys: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
    needs: 'edit',
  },
  { name: 'add', keys: [{ key: 'n' }], needs: 'edit' },
  { name: 'navigate', keys: [{ key: 'ArrowUp' }, { key: 'ArrowDown' }, { key: 'ArrowLeft' }, { key: 'ArrowRight' }], needs: 'read' },
  { name: 'addHere', keys: [{ key: 'Enter' }], needs: 'edit' },
  { name: 'escape', keys: [{ key: 'Escape' }], needs: 'read' },
  { name: 'help', keys: [{ key: '?' }], needs: 'read' },
  { name: 'search', keys: [{ key: 'k', mod: true }, { key: '/' }], needs: 'read' },
  { name: 'pan', keys: [{ key: WHEEL }], needs: 'read' },
  { name: 'zoom', keys: [{ key: WHEEL, mod: true }], needs: 'read' },
];

/** The board shortcut `name`. */
export function boardShortcut(name: BoardShortcutName): BoardShortcut {
  return BOARD_SHORTCUTS.find((s) => s.name === name)!;
}

/** Whether a key press is one of the keys of the board shortcut `name`. */
export function isShortcut(name: BoardShortcutName, press: KeyPress): boolean {
  return boardShortcut(name).keys.some((binding) => matchesKey(binding, press));
}
