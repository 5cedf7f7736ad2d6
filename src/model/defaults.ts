/** The content of a new board, per language: its title, its first journey and a template's lanes. */
import { journeyTemplate, type TemplateExample, type TemplateId } from './templates';

export type Locale = 'fr' | 'en';

export const LOCALES: readonly Locale[] = ['fr', 'en'];

export interface BoardTemplate {
  title: string;
  journeyName: string;
  stages: string[];
  channels: string[];
  /** Example touchpoints, marked as examples on the board until someone edits them. */
  examples?: TemplateExample[];
}

const BOARD_NAMES: Record<Locale, { title: string; journeyName: string }> = {
  fr: { title: 'Nouveau parcours client', journeyName: 'Parcours existant' },
  en: { title: 'New customer journey', journeyName: 'Current journey' },
};

/** The template a board starts from when none is chosen: the five-stage e-commerce model. */
export const DEFAULT_TEMPLATE: TemplateId = 'ecommerce';

/** A new board from a template: the language's title and journey name, the template's lanes and example cards. */
export function newBoardContent(locale: Locale, template: TemplateId = DEFAULT_TEMPLATE): BoardTemplate {
  return { ...BOARD_NAMES[locale], ...journeyTemplate(template, locale) };
}

/** The default template's lanes without its example cards: the starting point of an empty journey. */
export function defaultBoard(locale: Locale): BoardTemplate {
  const { examples: _examples, ...lanes } = newBoardContent(locale);
  return lanes;
}

export function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en';
}
