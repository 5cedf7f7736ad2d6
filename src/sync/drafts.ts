/**
 * Text being typed in a field that writes to the board only when it is left (the framing card,
 * a stage or channel name): kept in this browser as it is typed, so a reload or a crash in the
 * middle of a sentence loses nothing. The board is written when the field is left, or, for a
 * draft left behind by a reload, when the board opens again.
 */
import type { Framing, LaneKind } from '../model/types';

const PREFIX = 'parcours.draft:';
/** A draft older than this is forgotten rather than written over the board. */
const MAX_AGE_MS = 7 * 24 * 3600 * 1000;

/** What a draft is the text of. */
export type DraftTarget = { kind: 'framing'; journeyId: string; field: keyof Framing } | { kind: 'lane'; lane: LaneKind; id: string };

export interface Draft {
  target: DraftTarget;
  text: string;
  /** The board's text when typing began: the draft is written back only over that same text. */
  base: string;
  at: number;
}

/** The field's key among the drafts of a board. */
export function draftKey(target: DraftTarget): string {
  return target.kind === 'framing' ? `framing|${target.journeyId}|${target.field}` : `lane|${target.lane}|${target.id}`;
}

const storageKey = (boardId: string, key: string) => `${PREFIX}${boardId}:${key}`;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Keeps `text`, typed over `base`, as the draft of `target` on board `boardId`. */
export function saveDraft(boardId: string, target: DraftTarget, text: string, base: string, now = Date.now()): void {
  try {
    storage()?.setItem(storageKey(boardId, draftKey(target)), JSON.stringify({ target, text, base, at: now }));
  } catch {
    // Full or unavailable storage: the field still works, only without this safety net.
  }
}

/** Forgets the draft of `target` (written to the board, or cancelled). */
export function clearDraft(boardId: string, target: DraftTarget): void {
  try {
    storage()?.removeItem(storageKey(boardId, draftKey(target)));
  } catch {
    // Nothing to forget.
  }
}

function readDraft(raw: string | null, now: number): Draft | null {
  try {
    const d = JSON.parse(raw ?? 'null') as Partial<Draft> | null;
    if (!d || typeof d.text !== 'string' || typeof d.base !== 'string' || typeof d.at !== 'number' || now - d.at > MAX_AGE_MS) return null;
    const t = d.target as Partial<DraftTarget> | undefined;
    if (t?.kind === 'framing' && typeof t.journeyId === 'string' && typeof t.field === 'string') return d as Draft;
    if (t?.kind === 'lane' && (t.lane === 'stages' || t.lane === 'channels') && typeof t.id === 'string') return d as Draft;
    return null;
  } catch {
    return null;
  }
}

/** The drafts left on board `boardId` (malformed or old ones are dropped). */
export function drafts(boardId: string, now = Date.now()): Draft[] {
  const s = storage();
  if (!s) return [];
  const found: Draft[] = [];
  for (let i = s.length - 1; i >= 0; i--) {
    const key = s.key(i);
    if (!key?.startsWith(`${PREFIX}${boardId}:`)) continue;
    const draft = readDraft(s.getItem(key), now);
    if (draft) found.push(draft);
    else s.removeItem(key);
  }
  return found;
}
