import { translate } from './index';
import type { Locale } from '../model/defaults';
import { LOCALES } from '../model/defaults';
import { CSV_COLUMNS, type CsvLabels } from '../model/touchpointCsv';

/** The CSV words (column titles, evaluations, "yes") of one interface language. */
export function csvLabels(locale: Locale): CsvLabels {
  return {
    headers: Object.fromEntries(CSV_COLUMNS.map((c) => [c, translate(locale, `csv.header.${c}`)])) as CsvLabels['headers'],
    evaluations: {
      delight: translate(locale, 'evaluation.delight'),
      improvable: translate(locale, 'evaluation.improvable'),
      pain: translate(locale, 'evaluation.pain'),
      none: translate(locale, 'evaluation.none'),
    },
    yes: translate(locale, 'csv.yes'),
  };
}

/** The words of every language, accepted when reading a CSV. */
export const ALL_CSV_LABELS: readonly CsvLabels[] = LOCALES.map(csvLabels);
