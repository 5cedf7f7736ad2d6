/** Keys as the shortcut tables declare them, and how a key press is matched against them. */

/** One key, as `KeyboardEvent.key` names it, with the modifiers it needs. */
export interface KeyBinding {
  key: string;
  alt?: boolean;
  /** Ctrl, or ⌘ on a Mac. */
  mod?: boolean;
  /** Checked only when set: « ? » is typed with Shift on some keyboards and not on others. */
  shift?: boolean;
}

/** The parts of a key press the tables look at (a KeyboardEvent has them all). */
export interface KeyPress {
  key: string;
  /** The physical key: on a French keyboard the key marked 1 gives « & » without Shift. */
  code?: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey?: boolean;
}

/** Whether a key press is `binding`: same key (letters in any case, digits by their key), same modifiers. */
export function matchesKey(binding: KeyBinding, press: KeyPress): boolean {
  if (press.ctrlKey || press.metaKey ? !binding.mod : binding.mod) return false;
  if (press.altKey !== (binding.alt ?? false)) return false;
  if (binding.shift !== undefined && (press.shiftKey ?? false) !== binding.shift) return false;
  if (/^\d$/.test(binding.key) && (press.code === `Digit${binding.key}` || press.code === `Numpad${binding.key}`)) return true;
  return press.key.length === 1 ? press.key.toLowerCase() === binding.key : press.key === binding.key;
}
