/**
 * Re-importing a CSV of touchpoints: rows that stand for a card already on the journey are
 * matched to it — by the id the export wrote, else by cell and text — so that importing an
 * exported file again updates or skips those cards instead of adding copies of them.
 */
import { cellId } from './layout';
import { limitEdit, limitText } from './limits';
import type { CsvColumn, PlannedTouchpoint } from './touchpointCsv';
import type { Touchpoint } from './types';

/** What a row would change on the card it matches. */
export type CardChange = 'text' | 'evaluation' | 'momentOfTruth' | 'cell';

/** A row that stands for a card already on the journey. */
export interface PlannedUpdate {
  row: PlannedTouchpoint;
  touchpointId: string;
  /** Empty when the row says what the card already says. */
  changes: CardChange[];
}

export interface ImportMatches {
  /** Rows that match no card: new cards. */
  add: PlannedTouchpoint[];
  /** Rows that match a card and would change it. */
  update: PlannedUpdate[];
  /** Rows that match a card and say what it already says. */
  unchanged: PlannedUpdate[];
}

/** Texts compared as a spreadsheet may give them back: line ends and runs of spaces do not count. */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

const cellTextKey = (stageId: string, channelId: string, text: string) => `${cellId(stageId, channelId)}\n${squash(text)}`;

/**
 * Matches rows to the journey's cards, each card at most once: first by id, then by cell and
 * text, in file order. Only columns the file has are compared (a file without an evaluation
 * column changes no evaluation). Texts are cut to a card's limit; an older, longer card text is
 * never cut by an update that does not lengthen it.
 */
export function matchExisting(
  rows: readonly PlannedTouchpoint[],
  cards: readonly Touchpoint[],
  columns: readonly CsvColumn[],
): ImportMatches {
  const byId = new Map(cards.map((t) => [t.id, t]));
  const claimed = new Set<string>();
  const matchOf = new Map<PlannedTouchpoint, Touchpoint>();
  const claim = (row: PlannedTouchpoint, card: Touchpoint | undefined) => {
    if (!card || claimed.has(card.id)) return;
    claimed.add(card.id);
    matchOf.set(row, card);
  };
  for (const row of rows) if (row.id) claim(row, byId.get(row.id));
  const byCellText = new Map<string, Touchpoint[]>();
  for (const t of cards) {
    const key = cellTextKey(t.stageId, t.channelId, t.text);
    byCellText.set(key, [...(byCellText.get(key) ?? []), t]);
  }
  for (const row of rows) {
    if (matchOf.has(row) || row.stageId === null || row.channelId === null) continue;
    claim(
      row,
      byCellText.get(cellTextKey(row.stageId, row.channelId, row.fileText))?.find((t) => !claimed.has(t.id)),
    );
  }
  const out: ImportMatches = { add: [], update: [], unchanged: [] };
  for (const row of rows) {
    const card = matchOf.get(row);
    if (!card) {
      out.add.push({ ...row, text: limitText('touchpointText', row.fileText) });
      continue;
    }
    const sameText = squash(card.text) === squash(row.fileText);
    const text = sameText ? card.text : limitEdit('touchpointText', card.text, row.fileText);
    const changes: CardChange[] = [];
    if (!sameText) changes.push('text');
    if (columns.includes('evaluation') && row.evaluation !== card.evaluation) changes.push('evaluation');
    if (columns.includes('momentOfTruth') && row.momentOfTruth !== card.momentOfTruth) changes.push('momentOfTruth');
    if (row.stageId !== card.stageId || row.channelId !== card.channelId) changes.push('cell');
    (changes.length > 0 ? out.update : out.unchanged).push({ row: { ...row, text }, touchpointId: card.id, changes });
  }
  return out;
}

/** How many of these rows have a text cut to a card's limit. */
export function textsCut(rows: readonly Pick<PlannedTouchpoint, 'text' | 'fileText'>[]): number {
  return rows.filter((r) => squash(r.text) !== squash(r.fileText)).length;
}
