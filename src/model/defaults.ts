/** The content of a new board, per language. */
export type Locale = 'fr' | 'en';

export const LOCALES: readonly Locale[] = ['fr', 'en'];

export interface BoardTemplate {
  title: string;
  journeyName: string;
  stages: string[];
  channels: string[];
}

const DEFAULT_BOARD: Record<Locale, BoardTemplate> = {
  fr: {
    title: 'Nouveau parcours client',
    journeyName: 'Parcours existant',
    stages: ['Découverte', 'Évaluation', 'Achat', 'Usage & fidélisation', 'Recommandation'],
    channels: ['Site web', 'Email', 'Téléphone', 'Réseaux sociaux', 'Point de vente', 'Application mobile'],
  },
  en: {
    title: 'New customer journey',
    journeyName: 'Current journey',
    stages: ['Awareness', 'Consideration', 'Purchase', 'Use & loyalty', 'Advocacy'],
    channels: ['Website', 'Email', 'Phone', 'Social media', 'Store', 'Mobile app'],
  },
};

/** The five-stage, six-channel starting point of a new board. */
export function defaultBoard(locale: Locale): BoardTemplate {
  const t = DEFAULT_BOARD[locale];
  return { ...t, stages: [...t.stages], channels: [...t.channels] };
}

export function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en';
}
