import type { RecordKind } from './records';

/**
 * The limits of a board, each written once: how long each kind of text may be, the ranges of
 * scores, the date format, and how much one import may bring. Commands, readers, the file
 * format, the CSV readers and the interface's `maxLength` all read them from here.
 */

/**
 * Longest text of each kind, in UTF-16 code units (what a browser's `maxLength` counts). A card
 * is a Post-it: 500 characters, as the card editor allows; labels are short; the framing card
 * and a persona's portrait hold paragraphs.
 */
export const TEXT_LIMITS = {
  boardTitle: 120,
  journeyName: 80,
  laneName: 80,
  laneOwner: 120,
  touchpointText: 500,
  framingField: 2000,
  personaName: 80,
  personaRole: 120,
  personaText: 1000,
  personaAvatar: 16,
  kpiField: 80,
  emotionWords: 200,
  painPointText: 500,
  laneCardText: 300,
  actionTitle: 300,
  actionOwner: 120,
  comment: 2000,
  voteTitle: 200,
  viewName: 80,
  /** The name a person gives themselves (presence states stay small: the relay refuses over 4 KiB). */
  personName: 40,
} as const;

export type TextKind = keyof typeof TEXT_LIMITS;

/**
 * The kind of every text field of every record, as the readers return records (a journey's
 * `framing` is an object whose fields are all framing texts).
 */
export const RECORD_TEXT_FIELDS = {
  journeys: { name: 'journeyName', framing: 'framingField' },
  stages: { name: 'laneName', owner: 'laneOwner' },
  channels: { name: 'laneName', owner: 'laneOwner' },
  touchpoints: { text: 'touchpointText' },
  personas: {
    name: 'personaName',
    role: 'personaRole',
    description: 'personaText',
    goals: 'personaText',
    frustrations: 'personaText',
    avatar: 'personaAvatar',
  },
  kpis: { name: 'kpiField', current: 'kpiField', target: 'kpiField', unit: 'kpiField' },
  emotions: { words: 'emotionWords' },
  painPoints: { text: 'painPointText' },
  laneCards: { text: 'laneCardText' },
  actions: { title: 'actionTitle', owner: 'actionOwner' },
  views: { name: 'viewName' },
} as const satisfies Record<RecordKind, Record<string, TextKind>>;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** `text` cut to at most `max` code units, never between the two halves of an emoji or other astral character. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = max > 0 && isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}

/** `text` cut to the limit of its kind. */
export function limitText(kind: TextKind, text: string): string {
  return cutText(text, TEXT_LIMITS[kind]);
}

/** Whether `text` is longer than its kind allows. */
export function isOverLimit(kind: TextKind, text: string): boolean {
  return text.length > TEXT_LIMITS[kind];
}

/**
 * The text an edit of `previous` into `next` may write. An edit never grows a text past its
 * limit; a text already longer (written before the limit existed) may still be shortened or
 * changed without growing, so that fixing a typo in it loses nothing, as a browser's
 * `maxLength` behaves on such a value.
 */
export function limitEdit(kind: TextKind, previous: string, next: string): string {
  const max = TEXT_LIMITS[kind];
  if (next.length <= max || next.length <= previous.length) return next;
  return cutText(next, Math.max(max, previous.length));
}

/** A due date is a calendar day, `YYYY-MM-DD`. */
export const DUE_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a value is a due date (`YYYY-MM-DD`). */
export function isDueDate(value: unknown): value is string {
  return typeof value === 'string' && DUE_DATE_PATTERN.test(value);
}

/** A due date as stored: the date itself, or '' for none (and for anything that is not a date). */
export function dueDateOrNone(value: unknown): string {
  return isDueDate(value) ? value : '';
}

/** How the customer feels at a stage: a whole score from −2 to +2. */
export const EMOTION_MIN = -2;
export const EMOTION_MAX = 2;

/** Impact and effort of an action are scored 1–4; 3 and 4 count as high. */
export const SCORE_MIN = 1;
export const SCORE_MAX = 4;

/** Severity of a pain point: 1 minor, 2 major, 3 critical. */
export const SEVERITY_MIN = 1;
export const SEVERITY_MAX = 3;

/** `value` rounded to a whole number within [min, max]; `fallback` when it is not a finite number. */
export function clampWhole(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(min, Math.min(max, Math.round(value))) : fallback;
}

/** An emotion score, rounded and clamped to −2…+2 (0 when not a number). */
export const clampEmotion = (value: unknown): number => clampWhole(value, EMOTION_MIN, EMOTION_MAX, 0);

/** An impact or effort score, rounded and clamped to 1…4 (2 when not a number). */
export const clampScore = (value: unknown): number => clampWhole(value, SCORE_MIN, SCORE_MAX, 2);

/** A pain point's severity, rounded and clamped to 1…3 (2, major, when not a number). */
export const clampSeverity = (value: unknown): 1 | 2 | 3 => clampWhole(value, SEVERITY_MIN, SEVERITY_MAX, 2) as 1 | 2 | 3;

/** Largest board file read (bigger ones are refused before being read). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Most records of one type in a board file. */
export const MAX_RECORDS_PER_KIND = 20_000;
/** Largest CSV file read. */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;
/** Most rows one CSV import may apply (one undo step, one update to every peer). */
export const MAX_IMPORT_ROWS = 2000;
