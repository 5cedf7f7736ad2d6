/** Numbers, measures and elapsed times written the way each interface language writes them. */
import type { Locale } from '../model/defaults';

const numberFormats = new Map<string, Intl.NumberFormat>();

/** `value` as the language writes it: « 5,8 » and « 14 043 » in French, “5.8” and “14,043” in English. */
export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  // Both languages write a whole number below a thousand as its digits. Creating the first
  // Intl.NumberFormat of a page costs 10–15 ms, which the counts in a board's first render
  // (« 12 points de contact ») no longer pay.
  if (!options && Number.isInteger(value) && Math.abs(value) < 1000) return String(value);
  const key = options ? `${locale}|${JSON.stringify(options)}` : locale;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format.format(value);
}

/** A value someone typed as plain digits (« 32 », « 5.8 »), which may be rewritten the language's way. */
const PLAIN_NUMBER = /^-?\d+(?:\.(\d+))?$/;

/**
 * A value and its unit as typed in a KPI (« 9 » and « jours », « 45 » and « % »), joined the way
 * the language does: a non-breaking space before a word unit so it never wraps alone, a narrow
 * one before « % » in French and none in English, none before a ratio (« 5/7 »).
 */
export function formatMeasure(locale: Locale, value: string, unit: string): string {
  const typed = value.trim();
  const u = unit.trim();
  if (!typed) return '';
  const digits = PLAIN_NUMBER.exec(typed);
  // Keep the decimals the person wrote (« 0.50 » stays two decimals), only the separators change.
  const decimals = digits?.[1]?.length ?? 0;
  const written = digits
    ? formatNumber(locale, Number(typed), { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    : typed;
  if (!u) return written;
  if (u.startsWith('/')) return `${written}${u}`;
  if (u.startsWith('%')) return locale === 'fr' ? `${written}\u202F${u}` : `${written}${u}`;
  return `${written}\u00A0${u}`;
}

const relativeFormats = new Map<Locale, Intl.RelativeTimeFormat>();

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60],
  ['hour', 3600],
  ['day', 86_400],
  ['week', 7 * 86_400],
  ['month', 30.44 * 86_400],
  ['year', 365.25 * 86_400],
];

/**
 * How long before `now` the time `then` was, in words (« il y a 3 jours », « hier », “last week”);
 * null under a minute, where the caller says « à l’instant ». A time ahead (another machine's
 * clock) counts as now.
 */
export function formatRelativeTime(locale: Locale, then: number, now: number): string | null {
  const seconds = Math.max(0, (now - then) / 1000);
  if (seconds < 60) return null;
  let format = relativeFormats.get(locale);
  if (!format) relativeFormats.set(locale, (format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  // The largest unit that fits once: 90 minutes reads « il y a 2 heures », 10 days « la semaine dernière ».
  let [unit, size] = STEPS[0]!;
  for (const [u, s] of STEPS) if (seconds >= s) [unit, size] = [u, s];
  return format.format(-Math.round(seconds / size), unit);
}

const listFormats = new Map<Locale, Intl.ListFormat>();

/** Items joined as a sentence does: « 1 parcours, 5 étapes et 6 canaux », “1 journey, 5 stages and 6 channels”. */
export function formatList(locale: Locale, items: readonly string[]): string {
  let format = listFormats.get(locale);
  if (!format) listFormats.set(locale, (format = new Intl.ListFormat(locale, { type: 'conjunction' })));
  return format.format(items);
}
