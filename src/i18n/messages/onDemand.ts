/** Strings for parts of the app downloaded when first opened (dialogs, panels, the board page). */
export const fr = {
  'onDemand.title': 'Cette partie de Parcours n’a pas pu s’ouvrir',
  'onDemand.body':
    'Son code n’a pas pu être téléchargé : la connexion est peut-être coupée, ou une nouvelle version de Parcours vient d’être installée. Rechargez la page ; le tableau et vos modifications sont conservés.',
  'onDemand.reload': 'Recharger la page',
  'onDemand.close': 'Fermer',
};

export const en: Record<keyof typeof fr, string> = {
  'onDemand.title': 'This part of Parcours could not open',
  'onDemand.body':
    'Its code could not be downloaded: the connection may be down, or a new version of Parcours has just been installed. Reload the page; the board and your changes are kept.',
  'onDemand.reload': 'Reload the page',
  'onDemand.close': 'Close',
};
