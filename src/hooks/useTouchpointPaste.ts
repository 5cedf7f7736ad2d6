import { useEffect } from 'react';
import type * as Y from 'yjs';
import { cellOfNode } from '../canvas/nodeIds';
import { pasteTouchpoints } from '../doc/commands/importTouchpoints';
import { getRecord, readLane, readTouchpoint, sortedLanes } from '../doc/read';
import { parseCsv } from '../model/csv';
import type { CellKey } from '../model/layout';
import { TEXT_LIMITS } from '../model/limits';
import { useUiStore } from '../store';
import { useBoardSession } from './useBoardSession';
import { useCapabilities } from './useCapabilities';
import { useT } from './useT';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
}

/** The cell under a point of the page, from the matrix's cell nodes. */
function cellAtPoint(x: number, y: number): CellKey | null {
  for (const el of document.elementsFromPoint(x, y)) {
    const id = el.closest<HTMLElement>('.react-flow__node-cell')?.dataset.id;
    const cell = id ? cellOfNode(id) : null;
    if (cell) return cell;
  }
  return null;
}

/** The cell of the selected touchpoint, if any. */
function selectedCell(doc: Y.Doc): { stageId: string; channelId: string } | null {
  const id = useUiStore.getState().selectedId;
  const record = id ? getRecord(doc, 'touchpoints', id) : null;
  return record && id ? readTouchpoint(id, record) : null;
}

/**
 * Pasting a spreadsheet range onto the matrix: the cell under the pointer (or the selected
 * card's cell) receives the top-left value; rows go down the channels, columns across the
 * stages. One undoable step; a short notice says what happened.
 */
export function useTouchpointPaste(): void {
  const { doc } = useBoardSession();
  const { canEdit } = useCapabilities();
  const t = useT();
  useEffect(() => {
    // Nothing to paste into for someone who may not edit: the browser's own paste stays.
    if (!canEdit) return;
    let pointer: { x: number; y: number } | null = null;
    const onPointerMove = (e: PointerEvent) => {
      pointer = { x: e.clientX, y: e.clientY };
    };
    const onPaste = (e: ClipboardEvent) => {
      const ui = useUiStore.getState();
      if (isTyping(e.target) || ui.exportOpen || ui.dataDialog || ui.confirm || document.querySelector('[aria-modal="true"]')) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (!text.trim()) return;
      e.preventDefault();
      const cell = (pointer && cellAtPoint(pointer.x, pointer.y)) ?? selectedCell(doc);
      const stage = cell ? getRecord(doc, 'stages', cell.stageId) : null;
      if (!cell || !stage) return ui.setNotice({ tone: 'error', text: t('paste.noTarget') });
      const journeyId = readLane(cell.stageId, stage).journeyId;
      const stageIds = sortedLanes(doc, 'stages', journeyId).map((l) => l.id);
      const channelIds = sortedLanes(doc, 'channels', journeyId).map((l) => l.id);
      const grid = parseCsv(text.replace(/\r?\n$/, ''), '\t', true).records.map((r) => r.fields);
      const result = pasteTouchpoints(
        doc,
        {
          journeyId,
          stageIds: stageIds.slice(stageIds.indexOf(cell.stageId)),
          channelIds: channelIds.slice(channelIds.indexOf(cell.channelId)),
        },
        grid,
      );
      const parts = [t.plural('paste.done', result.created.length)];
      if (result.skipped > 0) parts.push(t.plural('paste.skipped', result.skipped));
      if (result.cut > 0) parts.push(t.plural('limits.cut', result.cut, { max: TEXT_LIMITS.touchpointText }));
      ui.setNotice({ tone: 'info', text: parts.join(' ') });
    };
    window.addEventListener('pointermove', onPointerMove, { passive: true });
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('pointermove', onPointerMove);
      window.removeEventListener('paste', onPaste);
    };
  }, [doc, t, canEdit]);
}
