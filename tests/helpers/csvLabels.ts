/** The CSV words of both languages, as the interface gives them. */
import type { CsvLabels } from '../../src/model/touchpointCsv';

export const FR: CsvLabels = {
  headers: { stage: 'Étape', channel: 'Canal', position: 'Position', text: 'Texte', evaluation: 'Évaluation', momentOfTruth: 'Moment de vérité' },
  evaluations: { delight: 'Enchantement', improvable: 'À améliorer', pain: 'Irritant', none: 'Non évalué' },
  yes: 'oui',
};
export const EN: CsvLabels = {
  headers: { stage: 'Stage', channel: 'Channel', position: 'Position', text: 'Text', evaluation: 'Evaluation', momentOfTruth: 'Moment of truth' },
  evaluations: { delight: 'Delight', improvable: 'Improvable', pain: 'Pain point', none: 'Not evaluated' },
  yes: 'yes',
};
