/** Strings of presentation mode. French first, English second. */
export const fr = {
  'presentation.start': 'Présenter',
  'presentation.startHint': 'Présenter le parcours en plein écran, étape par étape (flèches pour avancer, Échap pour quitter)',
  'presentation.label': 'Présentation',
  'presentation.step': 'Étape {index} sur {count} : {name}',
  'presentation.noStage': 'Ce parcours n’a pas encore d’étape à présenter.',
  'presentation.previous': 'Étape précédente',
  'presentation.next': 'Étape suivante',
  'presentation.leave': 'Quitter la présentation (Échap)',
  'presentation.following': 'Vous suivez la présentation de {name}.',
  'presentation.offer': '{name} présente ce tableau.',
  'presentation.join': 'Suivre la présentation',
} as const;

export const en: Record<keyof typeof fr, string> = {
  'presentation.start': 'Present',
  'presentation.startHint': 'Present the journey full screen, stage by stage (arrows to move on, Esc to leave)',
  'presentation.label': 'Presentation',
  'presentation.step': 'Stage {index} of {count}: {name}',
  'presentation.noStage': 'This journey has no stage to present yet.',
  'presentation.previous': 'Previous stage',
  'presentation.next': 'Next stage',
  'presentation.leave': 'Leave the presentation (Esc)',
  'presentation.following': 'You are following {name}’s presentation.',
  'presentation.offer': '{name} is presenting this board.',
  'presentation.join': 'Follow the presentation',
} as const;
