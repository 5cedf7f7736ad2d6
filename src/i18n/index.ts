/**
 * Translation: every user-facing string, French first, English second. Each feature keeps
 * its strings in one module of messages/, exporting `fr` and an `en` with the same keys.
 */
import type { Locale } from '../model/defaults';
import * as board from './messages/board';
import * as exportMessages from './messages/export';
import * as journey from './messages/journey';
import * as panels from './messages/panels';
import * as recovery from './messages/recovery';
import * as workshop from './messages/workshop';

const fr = { ...board.fr, ...exportMessages.fr, ...journey.fr, ...panels.fr, ...workshop.fr, ...recovery.fr };
const en: Record<keyof typeof fr, string> = { ...board.en, ...exportMessages.en, ...journey.en, ...panels.en, ...workshop.en, ...recovery.en };

export type MessageKey = keyof typeof fr;
export type Messages = Record<MessageKey, string>;

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
