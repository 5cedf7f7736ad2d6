import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteJourney, deleteView, moveView, renameView, saveView } from '../../src/doc/commands';
import { boardFile } from '../../src/model/fileExport';
import { readBoardFile } from '../../src/model/fileReader';
import { writeBoardContent } from '../../src/doc/boardFile';
import { readBoard } from '../../src/doc/projection';
import { roots } from '../../src/doc/schema';
import { NO_FILTERS } from '../../src/model/cardFilters';
import { TEXT_LIMITS } from '../../src/model/limits';
import { presentableViews, rectOfViewport } from '../../src/model/views';
import { newBoard } from '../helpers/boardDoc';

const RECT = { x: -40, y: 120, width: 900, height: 560 };

describe('saved views', () => {
  it('saves a view with its journey, rectangle and filters, after the others', () => {
    const { doc, journeyId } = newBoard();
    const stageId = readBoard(doc).stages[1]!.id;
    const a = saveView(doc, {
      name: '  Découverte ',
      journeyId,
      rect: RECT,
      filters: { ...NO_FILTERS, stageIds: [stageId], momentOfTruth: true },
    });
    const b = saveView(doc, { name: 'Achat', journeyId, rect: RECT, filters: NO_FILTERS });
    const views = readBoard(doc).views;
    expect(views.map((v) => v.id)).toEqual([a, b]);
    expect(views[0]).toMatchObject({ name: 'Découverte', journeyId, rect: RECT });
    expect(views[0]!.filters).toMatchObject({ stageIds: [stageId], momentOfTruth: true, evaluations: [] });
  });

  it('renames, reorders and deletes views', () => {
    const { doc, journeyId } = newBoard();
    const ids = ['Un', 'Deux', 'Trois'].map((name) => saveView(doc, { name, journeyId, rect: RECT, filters: NO_FILTERS }));
    renameView(doc, ids[0]!, 'Premier');
    renameView(doc, ids[1]!, '   ');
    moveView(doc, ids[2]!, 0);
    expect(readBoard(doc).views.map((v) => v.name)).toEqual(['Trois', 'Premier', 'Deux']);
    deleteView(doc, ids[1]!);
    expect(readBoard(doc).views.map((v) => v.name)).toEqual(['Trois', 'Premier']);
  });

  it('cuts a long name to its limit', () => {
    const { doc, journeyId } = newBoard();
    saveView(doc, { name: 'x'.repeat(500), journeyId, rect: RECT, filters: NO_FILTERS });
    expect(readBoard(doc).views[0]!.name).toHaveLength(TEXT_LIMITS.viewName);
  });

  it('reads a malformed view without throwing: a usable rectangle, no filters', () => {
    const { doc, journeyId } = newBoard();
    const id = saveView(doc, { name: 'V', journeyId, rect: RECT, filters: NO_FILTERS });
    const record = roots(doc).views.get(id)!;
    doc.transact(() => {
      record.set('rect.width', -5);
      record.set('rect.x', 'far');
      record.set('filters.evaluations', ['nonsense', 'pain']);
      record.set('filters.offVoice', 'yes');
    });
    const view = readBoard(doc).views[0]!;
    expect(view.rect.width).toBeGreaterThan(0);
    expect(Number.isFinite(view.rect.x)).toBe(true);
    expect(view.filters.evaluations).toEqual(['pain']);
    expect(view.filters.offVoice).toBe(false);
  });

  it('keeps the views of a deleted journey, which a presentation then skips', () => {
    const { doc, journeyId } = newBoard();
    saveView(doc, { name: 'Orpheline', journeyId, rect: RECT, filters: NO_FILTERS });
    deleteJourney(doc, journeyId);
    const board = readBoard(doc);
    expect(board.views).toHaveLength(1);
    const { shown, skipped } = presentableViews(board.views, board.journeys);
    expect(shown).toEqual([]);
    expect(skipped.map((v) => v.name)).toEqual(['Orpheline']);
  });

  it('travels in a board file and comes back the same; a view of a journey not in the file is dropped with a warning', () => {
    const { doc, journeyId } = newBoard();
    const stageId = readBoard(doc).stages[0]!.id;
    saveView(doc, { name: 'Vue', journeyId, rect: RECT, filters: { ...NO_FILTERS, stageIds: [stageId], severities: [3] } });
    const file = boardFile(readBoard(doc), { exportedAt: '2026-01-01T00:00:00Z' });
    const read = readBoardFile(JSON.parse(JSON.stringify(file)));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const copy = new Y.Doc();
    writeBoardContent(copy, read.content);
    expect(readBoard(copy).views).toEqual(readBoard(doc).views);

    const orphan = JSON.parse(JSON.stringify(file));
    orphan.records.views[0].journeyId = 'AAAAAAAAAAAAAAAAAAAAAA';
    const dropped = readBoardFile(orphan);
    expect(dropped.ok && dropped.content.records.views).toEqual([]);
    expect(dropped.ok && dropped.warnings.some((w) => w.path === 'records.views[0]')).toBe(true);
  });

  it('reads an older file without views', () => {
    const { doc } = newBoard();
    const file = JSON.parse(JSON.stringify(boardFile(readBoard(doc), { exportedAt: '2026-01-01T00:00:00Z' })));
    delete file.records.views;
    const read = readBoardFile(file);
    expect(read.ok && read.content.records.views).toEqual([]);
  });

  it('turns a screen’s viewport into the rectangle of the map it shows', () => {
    expect(rectOfViewport({ x: -200, y: 100, zoom: 2 }, 1000, 600)).toEqual({ x: 100, y: -50, width: 500, height: 300 });
  });
});
