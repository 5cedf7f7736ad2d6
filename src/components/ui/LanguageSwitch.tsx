import { useT } from '../../hooks/useT';
import { LANGUAGE_NAMES } from '../../i18n';
import { isLocale, LOCALES } from '../../model/defaults';
import { useUiStore } from '../../store';

/** French / English, remembered by the browser. */
export function LanguageSwitch() {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const setLocale = useUiStore((s) => s.setLocale);
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('language.label')}</span>
      <select value={locale} onChange={(e) => isLocale(e.target.value) && setLocale(e.target.value)} aria-label={t('language.label')}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
