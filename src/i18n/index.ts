/** Translation: every user-facing string, French first, English second. */
import type { Locale } from '../model/defaults';
import { en } from './en';
import { fr, type MessageKey, type Messages } from './fr';

export type { MessageKey, Messages };

const CATALOGUES: Record<Locale, Messages> = { fr, en };

export type Params = Record<string, string | number>;

/** The message for `key` in `locale`, with `{name}` placeholders filled from `params`. */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const template = CATALOGUES[locale][key] ?? fr[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export type Translate = (key: MessageKey, params?: Params) => string;

/** The language names shown in the switch, each in its own language. */
export const LANGUAGE_NAMES: Record<Locale, string> = { fr: 'Français', en: 'English' };
