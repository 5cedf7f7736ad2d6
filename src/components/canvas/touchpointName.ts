import type { Translate } from '../../i18n';
import type { TouchpointChange } from '../../model/compare';
import type { Touchpoint } from '../../model/types';
import { changeWords } from './CardChange';
import { EVALUATION_STYLE } from './evaluationStyle';

/**
 * A card's accessible name: its text, its evaluation, whether it is a moment of truth and, when
 * comparing, what changed. The same whether the card is drawn whole or as a block.
 */
export function touchpointName(touchpoint: Touchpoint, change: TouchpointChange | null, t: Translate): string {
  const extras = [touchpoint.momentOfTruth ? t('touchpoint.momentOfTruth') : '', ...(change ? changeWords(change, t) : [])].filter(Boolean);
  const evaluation = t(EVALUATION_STYLE[touchpoint.evaluation ?? 'none'].label);
  return `${t('touchpoint.label')} : ${touchpoint.text || t('touchpoint.placeholder')} — ${[evaluation, ...extras].join(' — ')}`;
}
