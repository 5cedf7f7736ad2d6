/** Commands that add many touchpoints at once (CSV import, spreadsheet paste): one undo step each. */
import * as Y from 'yjs';
import { newId } from '../../model/ids';
import { spreadKeys } from '../../model/order';
import { cellId } from '../../model/layout';
import { orderWithinCell, type PlannedTouchpoint, type TouchpointImportPlan } from '../../model/touchpointCsv';
import type { Evaluation, LaneKind } from '../../model/types';
import { cellTouchpoints, sortedLanes } from '../read';
import { makeRecord, roots } from '../schema';
import { edit } from './edit';

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

/** Appends cards to their cells, keeping the given order within each cell. Inside a transaction. */
function appendCards(doc: Y.Doc, journeyId: string, cards: readonly NewCard[]): string[] {
  const byCell = new Map<string, NewCard[]>();
  for (const card of cards) {
    const key = cellId(card.stageId, card.channelId);
    const list = byCell.get(key);
    if (list) list.push(card);
    else byCell.set(key, [card]);
  }
  const ids: string[] = [];
  for (const list of byCell.values()) {
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
          text: new Y.Text(card.text),
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
    roots(doc)[kind].set(id, makeRecord({ journeyId, name, order: keys[i] }));
    ids.set(name, id);
  });
  return ids;
}

/**
 * Applies a CSV import plan to a journey in one undoable step: creates the new stages and
 * channels (after the existing ones), then appends the cards to their cells. Returns the new ids.
 */
export function importTouchpoints(doc: Y.Doc, journeyId: string, plan: Pick<TouchpointImportPlan, 'add' | 'newStages' | 'newChannels'>): string[] {
  if (plan.add.length === 0) return [];
  return edit(doc, () => {
    const stageIds = addLanesNamed(doc, 'stages', journeyId, plan.newStages);
    const channelIds = addLanesNamed(doc, 'channels', journeyId, plan.newChannels);
    const resolved = plan.add.map((row) => ({
      ...row,
      stageId: row.stageId ?? stageIds.get(row.stageName) ?? '',
      channelId: row.channelId ?? channelIds.get(row.channelName) ?? '',
    }));
    const byCell = new Map<string, PlannedTouchpoint[]>();
    for (const row of resolved) {
      const key = cellId(row.stageId, row.channelId);
      byCell.set(key, [...(byCell.get(key) ?? []), row]);
    }
    const ordered = [...byCell.values()].flatMap((rows) => orderWithinCell(rows)) as (PlannedTouchpoint & { stageId: string; channelId: string })[];
    return appendCards(doc, journeyId, ordered);
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
}

/**
 * Pastes a range of spreadsheet values onto the matrix in one undoable step: row r, column c of
 * the range becomes a card in channel r and stage c counted from the target cell; empty values
 * are skipped.
 */
export function pasteTouchpoints(doc: Y.Doc, target: PasteTarget, grid: readonly (readonly string[])[]): PasteResult {
  const cards: NewCard[] = [];
  let skipped = 0;
  grid.forEach((row, r) =>
    row.forEach((value, c) => {
      const text = value.trim();
      if (!text) return;
      const stageId = target.stageIds[c];
      const channelId = target.channelIds[r];
      if (!stageId || !channelId) skipped++;
      else cards.push({ stageId, channelId, text, evaluation: null, momentOfTruth: false });
    }),
  );
  if (cards.length === 0) return { created: [], skipped };
  return { created: edit(doc, () => appendCards(doc, target.journeyId, cards)), skipped };
}
