import { useMemo } from 'react';
import { translator, type Translate } from '../i18n';
import { useUiStore } from '../store';

/** The translate function (with plurals, numbers, measures, lists and elapsed times) for the current language. */
export function useT(): Translate {
  const locale = useUiStore((s) => s.locale);
  return useMemo(() => translator(locale), [locale]);
}
