/** Saved versions of a board: named by a facilitator, or taken automatically by the relay. */

/** `named`: saved by a facilitator, kept for ever. `auto`: taken by the relay, thinned over time. */
export type VersionKind = 'named' | 'auto';

export const VERSION_KINDS: readonly VersionKind[] = ['named', 'auto'];

/** What the relay lists of a version (the state itself is fetched separately). */
export interface VersionSummary {
  id: string;
  name: string;
  author: string;
  /** When it was taken, ms since the epoch, on the relay's clock. */
  createdAt: number;
  bytes: number;
  /** Absent from relays older than automatic versions: those are all named. */
  kind?: VersionKind;
}

/**
 * The kind of a listed version, whatever type the caller lists it as (relays that predate
 * automatic versions send no kind: theirs are all named).
 */
export function versionKind(version: object): VersionKind {
  return (version as Partial<VersionSummary>).kind === 'auto' ? 'auto' : 'named';
}

/**
 * The versions taken strictly before `time` (relay clock), newest first: where to look for the
 * board as it was before something happened at `time`.
 */
export function versionsBefore<V extends Pick<VersionSummary, 'createdAt'>>(versions: readonly V[], time: number): V[] {
  return versions.filter((v) => v.createdAt < time).sort((a, b) => b.createdAt - a.createdAt);
}
