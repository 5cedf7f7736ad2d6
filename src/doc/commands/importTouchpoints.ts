/** Commands that add many touchpoints at once (CSV import, spreadsheet paste): one undo step each. */
import * as Y from 'yjs';
import { newId } from '../../model/ids';
import { cellId } from '../../model/layout';
import { isOverLimit, limitEdit, limitText } from '../../model/limits';
import { spreadKeys } from '../../model/order';
import { orderWithinCell, type PlannedTouchpoint, type TouchpointImportPlan } from '../../model/touchpointCsv';
import type { Evaluation, LaneKind } from '../../model/types';
import { cellTouchpoints, getRecord, sortedLanes } from '../read';
import { makeRecord, roots } from '../schema';
import { edit } from './edit';
import { spliceText } from './records';

interface NewCard {
  stageId: string;
  channelId: string;
  text: string;
  evaluation: Evaluation | null;
  momentOfTruth: boolean;
}

/** `count` keys after `last` (or from the start), evenly spread so later inserts keep room. */
function keysAfter(last: string | null, count: number): string[] {
  const keys = spreadKeys(count);
  return last === null ? keys : keys.map((k) => last + k);
}

/** Groups items by their cell, keeping their order within each cell. */
function byCell<T extends { stageId: string; channelId: string }>(items: readonly T[]): T[][] {
  const cells = new Map<string, T[]>();
  for (const item of items) {
    const key = cellId(item.stageId, item.channelId);
    cells.set(key, [...(cells.get(key) ?? []), item]);
  }
  return [...cells.values()];
}

/** Appends cards to their cells, keeping the given order within each cell, texts cut to a card's limit. Inside a transaction. */
function appendCards(doc: Y.Doc, journeyId: string, cards: readonly NewCard[]): string[] {
  const ids: string[] = [];
  for (const list of byCell(cards)) {
    const first = list[0] as NewCard;
    const existing = cellTouchpoints(doc, journeyId, first.stageId, first.channelId);
    const keys = keysAfter(existing.at(-1)?.order ?? null, list.length);
    list.forEach((card, i) => {
      const id = newId();
      ids.push(id);
      roots(doc).touchpoints.set(
        id,
        makeRecord({
          journeyId,
          stageId: card.stageId,
          channelId: card.channelId,
          text: new Y.Text(limitText('touchpointText', card.text)),
          evaluation: card.evaluation,
          order: keys[i],
          ...(card.momentOfTruth ? { momentOfTruth: true } : {}),
        }),
      );
    });
  }
  return ids;
}

function addLanesNamed(doc: Y.Doc, kind: LaneKind, journeyId: string, names: readonly string[]): Map<string, string> {
  const last = sortedLanes(doc, kind, journeyId).at(-1)?.order ?? null;
  const keys = keysAfter(last, names.length);
  const ids = new Map<string, string>();
  names.forEach((name, i) => {
    const id = newId();
    roots(doc)[kind].set(id, makeRecord({ journeyId, name: limitText('laneName', name), order: keys[i] }));
    ids.set(name, id);
  });
  return ids;
}

/** Brings a card to what its row says: only the fields the plan found different. Inside a transaction. */
function updateCard(
  doc: Y.Doc,
  journeyId: string,
  id: string,
  row: PlannedTouchpoint & { stageId: string; channelId: string },
  changes: readonly string[],
): boolean {
  const record = getRecord(doc, 'touchpoints', id);
  if (!record) return false; // deleted since the preview
  const text = record.get('text');
  if (changes.includes('text') && text instanceof Y.Text && spliceText(text, limitEdit('touchpointText', text.toString(), row.text)))
    record.delete('example');
  if (changes.includes('evaluation')) record.set('evaluation', row.evaluation);
  if (changes.includes('momentOfTruth')) record.set('momentOfTruth', row.momentOfTruth);
  if (changes.includes('cell')) {
    const last = cellTouchpoints(doc, journeyId, row.stageId, row.channelId).at(-1)?.order ?? null;
    record.set('stageId', row.stageId);
    record.set('channelId', row.channelId);
    record.set('order', keysAfter(last, 1)[0] as string);
  }
  return true;
}

export interface ImportResult {
  created: string[];
  updated: string[];
}

/**
 * Applies a CSV import plan to a journey in one undoable step: creates the stages and channels
 * the applied rows need (after the existing ones), appends the new cards to their cells and,
 * with `updateExisting`, brings the matched cards to what their rows say.
 */
export function importTouchpoints(
  doc: Y.Doc,
  journeyId: string,
  plan: Pick<TouchpointImportPlan, 'add' | 'update' | 'newStages' | 'newChannels'>,
  options: { updateExisting?: boolean } = {},
): ImportResult {
  const updates = options.updateExisting ? plan.update : [];
  const rows = [...plan.add, ...updates.map((u) => u.row)];
  if (rows.length === 0) return { created: [], updated: [] };
  return edit(doc, () => {
    // Only the lanes the applied rows need: skipped updates create none.
    const newStages = new Set(rows.filter((r) => r.stageId === null).map((r) => r.stageName));
    const newChannels = new Set(rows.filter((r) => r.channelId === null).map((r) => r.channelName));
    const stageIds = addLanesNamed(
      doc,
      'stages',
      journeyId,
      plan.newStages.filter((n) => newStages.has(n)),
    );
    const channelIds = addLanesNamed(
      doc,
      'channels',
      journeyId,
      plan.newChannels.filter((n) => newChannels.has(n)),
    );
    const resolve = (row: PlannedTouchpoint) => ({
      ...row,
      stageId: row.stageId ?? stageIds.get(row.stageName) ?? '',
      channelId: row.channelId ?? channelIds.get(row.channelName) ?? '',
    });
    const updated = updates.filter((u) => updateCard(doc, journeyId, u.touchpointId, resolve(u.row), u.changes)).map((u) => u.touchpointId);
    const ordered = byCell(plan.add.map(resolve)).flatMap((cell) => orderWithinCell(cell));
    return { created: appendCards(doc, journeyId, ordered), updated };
  });
}

export interface PasteTarget {
  journeyId: string;
  /** The stages from the target cell's column rightwards, and the channels from its row down. */
  stageIds: readonly string[];
  channelIds: readonly string[];
}

export interface PasteResult {
  created: string[];
  /** Non-empty values that fell outside the matrix (past the last stage or channel). */
  skipped: number;
  /** Values longer than a card allows, cut to its limit. */
  cut: number;
}

/**
 * Pastes a range of spreadsheet values onto the matrix in one undoable step: row r, column c of
 * the range becomes a card in channel r and stage c counted from the target cell; empty values
 * are skipped, and values longer than a card allows are cut to its limit.
 */
export function pasteTouchpoints(doc: Y.Doc, target: PasteTarget, grid: readonly (readonly string[])[]): PasteResult {
  const cards: NewCard[] = [];
  let skipped = 0;
  let cut = 0;
  grid.forEach((row, r) =>
    row.forEach((value, c) => {
      const text = value.trim();
      if (!text) return;
      const stageId = target.stageIds[c];
      const channelId = target.channelIds[r];
      if (!stageId || !channelId) return void skipped++;
      if (isOverLimit('touchpointText', text)) cut++;
      cards.push({ stageId, channelId, text, evaluation: null, momentOfTruth: false });
    }),
  );
  if (cards.length === 0) return { created: [], skipped, cut: 0 };
  return { created: edit(doc, () => appendCards(doc, target.journeyId, cards)), skipped, cut };
}
