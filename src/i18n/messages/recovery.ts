/** Strings of recovery: automatic versions and the mass-deletion notice. French first, English second. */
export const fr = {
  'versions.autoLabel': 'Automatique · {time}',
  'versions.autoHint':
    'Le serveur enregistre aussi des versions automatiques : à l’arrivée du premier participant, puis toutes les 10 minutes tant que le tableau change. Les plus anciennes sont espacées peu à peu.',
  'versions.autoShowAll.one': 'Afficher {count} version automatique',
  'versions.autoShowAll.other': 'Afficher les {count} versions automatiques',
  'versions.autoShowFewer': 'Afficher moins de versions automatiques',
  'massDeletion.byName.one': '{name} vient de supprimer {count} point de contact.',
  'massDeletion.byName.other': '{name} vient de supprimer {count} points de contact.',
  'massDeletion.byOthers.one': '{count} point de contact vient d’être supprimé par une autre personne.',
  'massDeletion.byOthers.other': '{count} points de contact viennent d’être supprimés par une autre personne.',
  'massDeletion.restore': 'Restaurer',
  'massDeletion.restoreHint':
    'Remet ces points de contact tels qu’ils étaient dans la dernière version enregistrée avant la suppression. Le reste du tableau ne change pas, et Ctrl+Z annule.',
  'massDeletion.dismiss': 'Ignorer',
  'massDeletion.restoring': 'Restauration des points de contact…',
  'massDeletion.restored.one': '{count} point de contact restauré. Ctrl+Z pour annuler.',
  'massDeletion.restored.other': '{count} points de contact restaurés. Ctrl+Z pour annuler.',
  'massDeletion.missing.one': '{count} point de contact n’existait dans aucune version antérieure et n’a pas pu revenir.',
  'massDeletion.missing.other': '{count} points de contact n’existaient dans aucune version antérieure et n’ont pas pu revenir.',
  'massDeletion.nothing': 'Aucune version enregistrée avant la suppression ne contient ces points de contact.',
  'massDeletion.failed': 'Restauration impossible : {reason}',
} as const;

export const en: Record<keyof typeof fr, string> = {
  'versions.autoLabel': 'Automatic · {time}',
  'versions.autoHint':
    'The server also saves automatic versions: when the first participant arrives, then every 10 minutes while the board changes. Older ones are spaced out over time.',
  'versions.autoShowAll.one': 'Show {count} automatic version',
  'versions.autoShowAll.other': 'Show all {count} automatic versions',
  'versions.autoShowFewer': 'Show fewer automatic versions',
  'massDeletion.byName.one': '{name} just deleted {count} touchpoint.',
  'massDeletion.byName.other': '{name} just deleted {count} touchpoints.',
  'massDeletion.byOthers.one': '{count} touchpoint was just deleted by someone else.',
  'massDeletion.byOthers.other': '{count} touchpoints were just deleted by someone else.',
  'massDeletion.restore': 'Restore',
  'massDeletion.restoreHint':
    'Puts these touchpoints back as they were in the last version saved before the deletion. The rest of the board stays as it is, and Ctrl+Z undoes it.',
  'massDeletion.dismiss': 'Dismiss',
  'massDeletion.restoring': 'Restoring the touchpoints…',
  'massDeletion.restored.one': '{count} touchpoint restored. Ctrl+Z to undo.',
  'massDeletion.restored.other': '{count} touchpoints restored. Ctrl+Z to undo.',
  'massDeletion.missing.one': '{count} touchpoint was in no earlier version and could not come back.',
  'massDeletion.missing.other': '{count} touchpoints were in no earlier version and could not come back.',
  'massDeletion.nothing': 'No version saved before the deletion holds these touchpoints.',
  'massDeletion.failed': 'Could not restore: {reason}',
};
