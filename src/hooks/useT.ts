import { useCallback } from 'react';
import { translate, type Translate } from '../i18n';
import { useUiStore } from '../store';

/** The translate function for the current language. */
export function useT(): Translate {
  const locale = useUiStore((s) => s.locale);
  return useCallback<Translate>((key, params) => translate(locale, key, params), [locale]);
}
