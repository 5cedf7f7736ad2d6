/** Starting points for a new board or journey, in each language, with a few example cards. */
// Type-only: defaults.ts builds new boards from these templates.
import type { Locale } from './defaults';
import type { Evaluation } from './types';

export type TemplateId = 'blank' | 'ecommerce' | 'saas' | 'sales';

export const TEMPLATE_IDS: readonly TemplateId[] = ['blank', 'ecommerce', 'saas', 'sales'];

export interface TemplateExample {
  stage: number;
  channel: number;
  text: string;
  evaluation: Evaluation | null;
}

export interface JourneyTemplate {
  stages: string[];
  channels: string[];
  /** Example touchpoints, marked as examples on the board until someone edits them. */
  examples: TemplateExample[];
}

type Localised = Record<Locale, JourneyTemplate>;

const ex = (stage: number, channel: number, text: string, evaluation: Evaluation | null): TemplateExample => ({
  stage,
  channel,
  text,
  evaluation,
});

const TEMPLATES: Record<TemplateId, Localised> = {
  blank: {
    fr: { stages: [], channels: [], examples: [] },
    en: { stages: [], channels: [], examples: [] },
  },
  ecommerce: {
    fr: {
      stages: ['Découverte', 'Évaluation', 'Achat', 'Usage & fidélisation', 'Recommandation'],
      channels: ['Site web', 'Email', 'Téléphone', 'Réseaux sociaux', 'Point de vente', 'Application mobile'],
      examples: [
        ex(0, 3, 'Je vois une publicité de la marque sur un réseau social', 'improvable'),
        ex(1, 0, 'Je compare les produits et lis les avis clients', 'delight'),
        ex(2, 0, 'Je découvre des frais de livraison au moment de payer', 'pain'),
        ex(3, 1, 'Je reçois le suivi de ma livraison', 'delight'),
        ex(4, 3, 'Je parraine un ami', null),
      ],
    },
    en: {
      stages: ['Awareness', 'Consideration', 'Purchase', 'Use & loyalty', 'Advocacy'],
      channels: ['Website', 'Email', 'Phone', 'Social media', 'Store', 'Mobile app'],
      examples: [
        ex(0, 3, 'I see an ad for the brand on social media', 'improvable'),
        ex(1, 0, 'I compare products and read customer reviews', 'delight'),
        ex(2, 0, 'I discover delivery fees when I pay', 'pain'),
        ex(3, 1, 'I get my delivery tracking', 'delight'),
        ex(4, 3, 'I refer a friend', null),
      ],
    },
  },
  saas: {
    fr: {
      stages: ['Découverte', 'Évaluation', 'Essai', 'Achat', 'Onboarding', 'Usage', 'Renouvellement', 'Recommandation'],
      channels: ['Site web', 'Email', 'Produit (in-app)', 'Chat / support', 'Webinaires', 'Commercial'],
      examples: [
        ex(0, 0, 'Je lis un article de blog qui répond à mon problème', 'delight'),
        ex(2, 2, 'Je crée mon compte d’essai en deux minutes', 'delight'),
        ex(4, 2, 'Je ne sais pas par où commencer après mon inscription', 'pain'),
        ex(5, 3, 'J’attends 48 h une réponse du support', 'pain'),
        ex(6, 1, 'Je reçois un rappel de renouvellement clair', 'improvable'),
      ],
    },
    en: {
      stages: ['Discovery', 'Evaluation', 'Trial', 'Purchase', 'Onboarding', 'Usage', 'Renewal', 'Advocacy'],
      channels: ['Website', 'Email', 'In-app', 'Chat / support', 'Webinars', 'Sales'],
      examples: [
        ex(0, 0, 'I read a blog post that answers my problem', 'delight'),
        ex(2, 2, 'I create my trial account in two minutes', 'delight'),
        ex(4, 2, 'I do not know where to start after signing up', 'pain'),
        ex(5, 3, 'I wait 48 hours for a support answer', 'pain'),
        ex(6, 1, 'I get a clear renewal reminder', 'improvable'),
      ],
    },
  },
  sales: {
    fr: {
      stages: [
        'Lead identifié',
        'Lead qualifié',
        'Découverte / cadrage du besoin',
        'Démo',
        'Proposition envoyée',
        'Négociation',
        'Gagné / perdu',
        'Onboarding',
        'Customer Success',
      ],
      channels: ['Email', 'Téléphone', 'Visio', 'Salons / événements', 'Site web', 'Réseaux sociaux'],
      examples: [
        ex(0, 3, 'Je rencontre l’équipe commerciale sur un salon', 'delight'),
        ex(1, 4, 'Je remplis un formulaire de demande de devis de plus de 10 champs', 'pain'),
        ex(3, 2, 'J’assiste à une démo adaptée à mon métier', 'delight'),
        ex(4, 0, 'Je reçois une proposition difficile à comparer', 'improvable'),
        ex(7, 2, 'Je suis accompagné par un interlocuteur dédié', null),
      ],
    },
    en: {
      stages: [
        'Lead identified',
        'Qualified lead',
        'Discovery / needs',
        'Demo',
        'Proposal sent',
        'Negotiation',
        'Won / lost',
        'Onboarding',
        'Customer success',
      ],
      channels: ['Email', 'Phone', 'Video call', 'Trade shows / events', 'Website', 'Social media'],
      examples: [
        ex(0, 3, 'I meet the sales team at a trade show', 'delight'),
        ex(1, 4, 'I fill in a quote request form with more than 10 fields', 'pain'),
        ex(3, 2, 'I attend a demo tailored to my job', 'delight'),
        ex(4, 0, 'I receive a proposal that is hard to compare', 'improvable'),
        ex(7, 2, 'I have a dedicated contact who guides me', null),
      ],
    },
  },
};

/** A template's content in a language (copies: safe to modify). */
export function journeyTemplate(id: TemplateId, locale: Locale): JourneyTemplate {
  const t = TEMPLATES[id][locale];
  return { stages: [...t.stages], channels: [...t.channels], examples: t.examples.map((e) => ({ ...e })) };
}

export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && (TEMPLATE_IDS as readonly string[]).includes(value);
}
