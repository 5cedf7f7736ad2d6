/** Words shared by several features: talking to the relay, elapsed time, counted things. French first, English second. */
export const fr = {
  'relay.offline': 'Vous êtes hors ligne — réessayez une fois la connexion revenue.',
  'relay.offlineTitle': 'Pas de connexion',
  'relay.retry': 'Réessayer',
  'time.justNow': 'à l’instant',
  'count.journeys.one': '{count} parcours',
  'count.journeys.other': '{count} parcours',
  'count.stages.one': '{count} étape',
  'count.stages.other': '{count} étapes',
  'count.channels.one': '{count} canal',
  'count.channels.other': '{count} canaux',
  'count.touchpoints.one': '{count} point de contact',
  'count.touchpoints.other': '{count} points de contact',
  'count.others.one': '{count} autre élément',
  'count.others.other': '{count} autres éléments',
} as const;

export const en: Record<keyof typeof fr, string> = {
  'relay.offline': 'You are offline — try again once the connection is back.',
  'relay.offlineTitle': 'No connection',
  'relay.retry': 'Try again',
  'time.justNow': 'just now',
  'count.journeys.one': '{count} journey',
  'count.journeys.other': '{count} journeys',
  'count.stages.one': '{count} stage',
  'count.stages.other': '{count} stages',
  'count.channels.one': '{count} channel',
  'count.channels.other': '{count} channels',
  'count.touchpoints.one': '{count} touchpoint',
  'count.touchpoints.other': '{count} touchpoints',
  'count.others.one': '{count} other item',
  'count.others.other': '{count} other items',
};
