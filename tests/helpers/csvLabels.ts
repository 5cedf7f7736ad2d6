/** The CSV words of both languages, as the interface gives them. */
import { csvLabels } from '../../src/i18n/csvLabels';

export const FR = csvLabels('fr');
export const EN = csvLabels('en');
