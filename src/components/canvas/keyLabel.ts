/** How keys are written for people: in the toolbar's tooltips and the shortcuts dialog. */
import type { Translate } from '../../i18n';
import type { KeyBinding } from '../../model/keys';
import { WHEEL } from '../../model/boardShortcuts';

const ARROWS: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→' };
const NAMED = { Delete: 'key.Delete', Backspace: 'key.Backspace', Enter: 'key.Enter', Escape: 'key.Escape', [WHEEL]: 'key.wheel' } as const;

/** One key as printed on it: « Ctrl/⌘ + Maj + Z », « Alt + ↑ », « Suppr », « M ». */
export function keyLabel(binding: KeyBinding, t: Translate): string {
  const named = NAMED[binding.key as keyof typeof NAMED];
  const key = ARROWS[binding.key] ?? (named ? t(named) : binding.key.toUpperCase());
  const modifiers = [binding.mod && t('key.mod'), binding.shift && t('key.shift'), binding.alt && t('key.alt')].filter(Boolean);
  return [...modifiers, key].join(' + ');
}

/** Several keys for one action: « Suppr / Retour arrière ». */
export function keysLabel(bindings: readonly KeyBinding[], t: Translate): string {
  return bindings.map((b) => keyLabel(b, t)).join(' / ');
}
