/**
 * Telling a mass deletion from ordinary tidying: many touchpoints deleted by others in a short
 * time, or a large share of the board at once. Pure: times are passed in.
 */

/** The thresholds (see docs/operations.md, "Recovering a board"). */
export const MASS_DELETION = {
  /** Deletions closer than this to each other belong to one burst; the counts below are per window. */
  windowMs: 10_000,
  /** This many cards deleted within one window is a mass deletion, whatever the board's size. */
  minCards: 5,
  /** …as is more than this share of the board's cards within one window… */
  share: 0.3,
  /** …once at least this many cards went (one card of three is not a mass deletion). */
  minCardsForShare: 3,
} as const;

/** Cards deleted by one transaction someone else made. */
export interface DeletionEvent {
  /** When it was seen, ms since the epoch (this machine's clock). */
  at: number;
  /** Ids of the deleted touchpoints. */
  ids: readonly string[];
  /** How many touchpoints the board held just before. */
  cardsBefore: number;
  /** Clients (Yjs client ids) known to have written in that transaction, if any. */
  authors: readonly number[];
}

/** A run of deletions by others, each within MASS_DELETION.windowMs of the previous one. */
export interface DeletionBurst {
  events: readonly DeletionEvent[];
  /** Every card deleted in the burst, in order, without repeats. */
  ids: readonly string[];
  startedAt: number;
  lastAt: number;
  authors: readonly number[];
  /** Whether some window of the burst crossed a threshold (stays true for the rest of the burst). */
  massive: boolean;
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** Whether the deletions of one window cross a threshold. */
function isMassive(window: readonly DeletionEvent[]): boolean {
  const count = unique(window.flatMap((e) => e.ids)).length;
  const cardsAtStart = window[0]?.cardsBefore ?? 0;
  return count >= MASS_DELETION.minCards || (count >= MASS_DELETION.minCardsForShare && count > MASS_DELETION.share * cardsAtStart);
}

/** Adds one deletion to the current burst, or starts a new burst if the last deletion is too old. */
export function addDeletion(burst: DeletionBurst | null, event: DeletionEvent): DeletionBurst {
  const continues = burst !== null && event.at - burst.lastAt <= MASS_DELETION.windowMs;
  const events = continues ? [...burst.events, event] : [event];
  const window = events.filter((e) => e.at >= event.at - MASS_DELETION.windowMs);
  return {
    events,
    ids: unique([...(continues ? burst.ids : []), ...event.ids]),
    startedAt: events[0]!.at,
    lastAt: event.at,
    authors: unique([...(continues ? burst.authors : []), ...event.authors]),
    massive: (continues && burst.massive) || isMassive(window),
  };
}
