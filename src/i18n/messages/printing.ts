/** Strings of fitting the poster to its paper: the preview, the size its text prints at, the fixes offered. French first, English second. */
export const fr = {
  'export.preview': 'Aperçu du poster sur {paper}',
  'export.previewPending': 'Mise en page de l’aperçu…',
  'export.printSize': 'Le texte des cartes s’imprimera à {points} pt.',
  'export.tooSmall': 'Trop petit pour être lu sur un mur : moins de {min} pt. Pour l’agrandir :',
  'export.fixPaper': 'Passer en {format} (texte à {points} pt)',
  'export.fixPaperStill': 'Passer en {format} (texte à {points} pt, encore petit)',
  'export.fixStages': 'N’imprimer que les étapes {from} à {to} sur ce poster (les suivantes sur un autre)',
  'export.noTiling':
    'Le découpage d’un même poster en feuilles A4 ou A3 à assembler n’est pas proposé : imprimez-le en plus grand, ou faites un poster par groupe d’étapes.',
  'export.stages': 'Étapes imprimées',
  'export.stagesFrom': 'De l’étape',
  'export.stagesTo': 'à l’étape',
  'export.stagesAll': 'Toutes',
  'poster.part': 'Étapes {from} à {to} sur {of}',
  'poster.summary.redCards.one': 'carte rouge',
  'poster.summary.redCards.other': 'cartes rouges',
  'poster.quadrant.unplaced': 'Pas encore placées',
} as const;

export const en: Record<keyof typeof fr, string> = {
  'export.preview': 'Preview of the poster on {paper}',
  'export.previewPending': 'Laying out the preview…',
  'export.printSize': 'Card text will print at {points} pt.',
  'export.tooSmall': 'Too small to read on a wall: under {min} pt. To make it larger:',
  'export.fixPaper': 'Switch to {format} (text at {points} pt)',
  'export.fixPaperStill': 'Switch to {format} (text at {points} pt, still small)',
  'export.fixStages': 'Print only stages {from} to {to} on this poster (the next ones on another)',
  'export.noTiling':
    'Splitting one poster across A4 or A3 sheets to assemble is not offered: print it larger, or make one poster per group of stages.',
  'export.stages': 'Stages printed',
  'export.stagesFrom': 'From stage',
  'export.stagesTo': 'to stage',
  'export.stagesAll': 'All',
  'poster.part': 'Stages {from} to {to} of {of}',
  'poster.summary.redCards.one': 'red card',
  'poster.summary.redCards.other': 'red cards',
  'poster.quadrant.unplaced': 'Not placed yet',
};
