/**
 * Translation: every user-facing string, French first, English second. Each feature keeps
 * its strings in one module of messages/, exporting `fr` and an `en` with the same keys.
 *
 * A message that depends on a count has one key per plural form, `<base>.one` and
 * `<base>.other` (optionally `.many`, …), chosen by the language's own rule through
 * `plural()`: French says « 0 point », « 1 point », « 2 points »; English « 0 points ».
 */
import type { Locale } from '../model/defaults';
import * as actions from './messages/actions';
import * as board from './messages/board';
import * as changes from './messages/changes';
import * as data from './messages/data';
import * as exportMessages from './messages/export';
import * as comments from './messages/comments';
import * as common from './messages/common';
import * as home from './messages/home';
import * as journey from './messages/journey';
import * as kpis from './messages/kpis';
import * as onDemand from './messages/onDemand';
import * as panels from './messages/panels';
import * as printing from './messages/printing';
import * as presentation from './messages/presentation';
import * as recovery from './messages/recovery';
import * as report from './messages/report';
import * as search from './messages/search';
import * as sharing from './messages/sharing';
import * as workshop from './messages/workshop';
import { formatList, formatMeasure, formatNumber, formatRelativeTime } from './format';

export { formatList, formatMeasure, formatNumber, formatRelativeTime } from './format';

const fr = {
  ...common.fr,
  ...board.fr,
  ...actions.fr,
  ...exportMessages.fr,
  ...changes.fr,
  ...data.fr,
  ...home.fr,
  ...journey.fr,
  ...panels.fr,
  ...printing.fr,
  ...workshop.fr,
  ...comments.fr,
  ...recovery.fr,
  ...onDemand.fr,
  ...sharing.fr,
  ...kpis.fr,
  ...report.fr,
  ...search.fr,
  ...presentation.fr,
};
const en: Record<keyof typeof fr, string> = {
  ...common.en,
  ...board.en,
  ...actions.en,
  ...exportMessages.en,
  ...changes.en,
  ...data.en,
  ...home.en,
  ...journey.en,
  ...panels.en,
  ...printing.en,
  ...workshop.en,
  ...comments.en,
  ...recovery.en,
  ...onDemand.en,
  ...sharing.en,
  ...kpis.en,
  ...report.en,
  ...search.en,
  ...presentation.en,
};

export type MessageKey = keyof typeof fr;
export type Messages = Record<MessageKey, string>;

/** The base name of a message with plural forms: `paste.done` for `paste.done.one` / `paste.done.other`. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}.other` ? (`${Base}.one` extends MessageKey ? Base : never) : never;
}[MessageKey];

const CATALOGUES: Record<Locale, Messages> = { fr, en };

export type Params = Record<string, string | number>;

/** The message for `key` in `locale`, with `{name}` placeholders filled from `params`; numbers are written the language's way. */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const template = CATALOGUES[locale][key] ?? fr[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const value = params[name]!;
    return typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** The form of the plural message `key` that fits `count`, with `{count}` filled in (and `params`). */
export function translatePlural(locale: Locale, key: PluralKey, count: number, params?: Params): string {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  const form = `${key}.${rules.select(count)}`;
  // A language may have forms a catalogue does not spell out (French « many » for millions): they read as « other ».
  const chosen = (form in CATALOGUES[locale] ? form : `${key}.other`) as MessageKey;
  return translate(locale, chosen, { count, ...params });
}

/**
 * Makes the language's number, plural, list and relative-time formatters now. The first of each
 * costs a page 5–15 ms (the browser loads its data for the language); a board calls this while
 * it waits for its document, so that its first render does not pay them.
 */
export function prepareFormats(locale: Locale): void {
  formatNumber(locale, 1000);
  translatePlural(locale, 'kpi.more', 2);
  formatList(locale, ['a', 'b']);
  formatRelativeTime(locale, 0, 3_600_000);
}

/** Everything a component needs to write words and numbers in the interface language. */
export interface Translate {
  (key: MessageKey, params?: Params): string;
  /** The plural message `key` for `count`, e.g. `t.plural('paste.done', 1)` → « 1 point de contact collé. … ». */
  plural(key: PluralKey, count: number, params?: Params): string;
  /** A number written the language's way: « 5,8 » / “5.8”, « 14 043 » / “14,043”. */
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** A value typed with its unit, spaced as the language does: « 45 % », « 9 jours », “45%”. */
  measure(value: string, unit: string): string;
  /** Items joined as a sentence: « 1 vert, 2 orange et 3 rouges ». */
  list(items: readonly string[]): string;
  /** How long ago `then` was, as words: « il y a 3 jours », « hier », “just now”. */
  relative(then: number, now?: number): string;
  readonly locale: Locale;
}

const translators = new Map<Locale, Translate>();

/** The translate function of `locale`; the same object every time, so it can sit in React dependencies. */
export function translator(locale: Locale): Translate {
  const known = translators.get(locale);
  if (known) return known;
  const t: Translate = Object.assign((key: MessageKey, params?: Params) => translate(locale, key, params), {
    plural: (key: PluralKey, count: number, params?: Params) => translatePlural(locale, key, count, params),
    number: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(locale, value, options),
    measure: (value: string, unit: string) => formatMeasure(locale, value, unit),
    list: (items: readonly string[]) => formatList(locale, items),
    relative: (then: number, now = Date.now()) => formatRelativeTime(locale, then, now) ?? translate(locale, 'time.justNow'),
    locale,
  });
  translators.set(locale, t);
  return t;
}

/** The language names shown in the switch, each in its own language. */
export const LANGUAGE_NAMES: Record<Locale, string> = { fr: 'Français', en: 'English' };
