/** How a persona is pictured: its emoji or initials, on a colour of its own. */
import type { Persona } from './types';

/** Dark enough for white text (WCAG AA at the avatar's bold size). */
const AVATAR_COLOURS = ['#1d4ed8', '#7c3aed', '#be185d', '#b45309', '#047857', '#0e7490', '#4338ca', '#9f1239'];

/** Up to two initials of a persona's or a person's name ("Marie Dupont, 42 ans" -> "MD", "Hugo (DG)" -> "HD"); "?" when there is none. */
export function initialsOf(name: string): string {
  const words = name
    .split(',')[0]!
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean);
  const letters = words.slice(0, 2).map((w) => Array.from(w)[0]!.toUpperCase());
  return letters.join('') || '?';
}

/** What the avatar circle shows: the persona's own avatar if set, else the initials of its name. */
export function avatarText(persona: Pick<Persona, 'avatar' | 'name'>): string {
  return persona.avatar.trim() || initialsOf(persona.name);
}

/** A stable colour for a persona, from its id, so every client shows the same one. */
export function avatarColour(id: string): string {
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return AVATAR_COLOURS[hash % AVATAR_COLOURS.length]!;
}
