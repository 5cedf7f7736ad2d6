/** KPI values, days and statuses in words and symbols, the same in the header, the dialog and the lists. */
import type { Translate } from '../../i18n';
import type { KpiStatus } from '../../model/kpi';

/** A value with the KPI's unit, spaced and separated the language's way (« 34,5 pts »). */
export function kpiValueText(t: Translate, value: number, unit: string): string {
  const rounded = Math.round(value * 100) / 100;
  return t.measure(String(rounded), unit);
}

/** Colour is never alone: each status has its symbol. */
export const STATUS_SYMBOL: Record<KpiStatus, string> = { on: '✓', off: '✗', unknown: '•' };

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A day `YYYY-MM-DD` as the language writes dates (« 31/01/2025 », “31 Jan 2025”: no month-day confusion). */
export function dayText(locale: string, day: string): string {
  let format = dayFormats.get(locale);
  if (!format)
    dayFormats.set(
      locale,
      (format = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
        day: '2-digit',
        month: locale === 'fr' ? '2-digit' : 'short',
        year: 'numeric',
        timeZone: 'UTC',
      })),
    );
  return format.format(Date.parse(`${day}T00:00:00Z`));
}

/** How old a value is, in words (« aujourd’hui », « il y a 12 jours », « daté dans 3 jours » for a later date). */
export function ageText(t: Translate, days: number): string {
  if (days < 0) return t.plural('kpi.ahead', -days);
  return days === 0 ? t('kpi.today') : t.plural('kpi.age', days);
}

/** The age in a chip's few characters (« 12 j », « +3 j » for a later date). */
export function ageShortText(t: Translate, days: number): string {
  if (days < 0) return t.plural('kpi.aheadShort', -days);
  return days === 0 ? t('kpi.today') : t.plural('kpi.ageShort', days);
}
