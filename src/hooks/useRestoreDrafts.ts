import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { renameLane, setFraming } from '../doc/commands';
import { getRecord, readJourney, readLane } from '../doc/read';
import { clearDraft, drafts, type DraftTarget } from '../sync/drafts';
import { useBoardSession } from './useBoardSession';
import { useCapabilities } from './useCapabilities';
import { useConnection } from './useConnection';

/** The board's text for a draft's field now, or null when the field is gone. */
function boardText(doc: Y.Doc, target: DraftTarget): string | null {
  if (target.kind === 'framing') {
    const r = getRecord(doc, 'journeys', target.journeyId);
    return r ? (readJourney(target.journeyId, r).framing[target.field] ?? null) : null;
  }
  const r = getRecord(doc, target.lane, target.id);
  return r ? readLane(target.id, r).name : null;
}

/**
 * Once the board is in sync, writes the drafts a reload interrupted (framing fields, a stage or
 * channel being renamed) as the person would have on leaving the field: only over the text
 * they started from, so nobody else's later edit is overwritten.
 */
export function useRestoreDrafts(): void {
  const { doc, boardId } = useBoardSession();
  const { synced } = useConnection();
  const { canEditStructure } = useCapabilities();
  const done = useRef(false);
  useEffect(() => {
    // Structure may be locked for now: the drafts wait for a later visit.
    if (done.current || !synced || !canEditStructure) return;
    done.current = true;
    for (const draft of drafts(boardId)) {
      const current = boardText(doc, draft.target);
      if (current !== null && current === draft.base && draft.text !== current) {
        if (draft.target.kind === 'framing') setFraming(doc, draft.target.journeyId, draft.target.field, draft.text);
        else renameLane(doc, draft.target.lane, draft.target.id, draft.text);
      }
      clearDraft(boardId, draft.target);
    }
  }, [doc, boardId, synced, canEditStructure]);
}
