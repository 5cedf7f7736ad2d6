import type { StateCreator } from 'zustand';
import { isLocale, type Locale } from '../model/defaults';

const STORAGE_KEY = 'parcours.locale';

/** The remembered language, French unless the person chose English. */
export function initialLocale(storage: Storage | undefined = globalThis.localStorage): Locale {
  try {
    const saved = storage?.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // Storage can be unavailable (private mode); fall back to the default.
  }
  return 'fr';
}

export interface LocaleSlice {
  locale: Locale;
  setLocale(locale: Locale): void;
}

export const createLocaleSlice: StateCreator<LocaleSlice, [], [], LocaleSlice> = (set) => ({
  locale: initialLocale(),
  setLocale: (locale) => {
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, locale);
    } catch {
      // Not remembered, but still applied for this page.
    }
    set({ locale });
  },
});
