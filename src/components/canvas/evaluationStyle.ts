import type { MessageKey } from '../../i18n';
import type { Evaluation } from '../../model/types';

/** How each evaluation looks: colour AND a symbol and a word, so it survives black-and-white print. */
export const EVALUATION_STYLE: Record<Evaluation | 'none', { icon: string; label: MessageKey; shortcut: string }> = {
  delight: { icon: '✓', label: 'evaluation.delight', shortcut: '1' },
  improvable: { icon: '!', label: 'evaluation.improvable', shortcut: '2' },
  pain: { icon: '✕', label: 'evaluation.pain', shortcut: '3' },
  none: { icon: '?', label: 'evaluation.none', shortcut: '0' },
};
