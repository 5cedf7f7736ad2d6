import { useCallback, useEffect, useRef, useState } from 'react';
import * as Y from 'yjs';
import { initBoard } from '../doc/commands';
import { migrateBoard } from '../doc/migrate';
import { isInitialised } from '../doc/schema';
import { DEFAULT_TEMPLATE, newBoardContent } from '../model/defaults';
import { capabilitiesOf } from '../model/roles';
import { isTemplateId } from '../model/templates';
import { useUiStore } from '../store';
import { isRevokingHere, type AccessError } from '../sync/access';
import { connectBoard, deleteLocalCopy, relayUrl } from '../sync/connection';
import { takeCreatedHere } from '../sync/createdHere';
import { createBoardSession, type BoardSession } from '../sync/boardSession';
import { useBoardAccess, type LinkChoice, type LinkNotice } from './useBoardAccess';

/** Said on top of the board until dismissed: a link not taken, or a refused change undone. */
export type OpenBoardNotice = LinkNotice | 'refused';

export interface OpenBoard {
  session: BoardSession | null;
  /** Set when the relay refused this browser's link (401: no or bad link; 403: expired or revoked; 404: no such board). */
  denied: AccessError | null;
  /** A question to answer before the board opens: take a link that gives less access? */
  choice: LinkChoice | null;
  notice: OpenBoardNotice | null;
  dismissNotice(): void;
}

/**
 * Opens a board: checks this browser's link with the relay, then a fresh Y.Doc connected to the
 * relay, torn down when the page leaves or the access changes. Participants and facilitators keep
 * a copy in IndexedDB (offline work); a viewer keeps none and always shows the relay's state.
 * When the relay refuses a change of this copy (4409), the copy is dropped and the board
 * reopened from the relay's state in a fresh document. When it cuts this copy off because its
 * link stopped working (4403), the access is checked again: the page then says why.
 */
export function useOpenBoard(boardId: string): OpenBoard {
  const [generation, setGeneration] = useState(0);
  const reopen = useCallback(() => setGeneration((g) => g + 1), []);
  const { access, denied, choice, notice: linkNotice, dismissNotice: dismissLinkNotice } = useBoardAccess(boardId, generation);
  const [refused, setRefused] = useState(false);
  // Bumped to reopen the document from the relay after a refused change.
  const [reload, setReload] = useState(0);
  const dropLocalCopy = useRef(false);

  const [session, setSession] = useState<BoardSession | null>(null);
  useEffect(() => {
    if (!access) return;
    const may = capabilitiesOf(access.role);
    const readOnly = !may.canEdit;
    let made: BoardSession | null = null;
    let cancelled = false;
    let unsubscribe = () => {};
    const open = () => {
      if (cancelled) return;
      const doc = new Y.Doc();
      const params: Record<string, string> = access.token ? { token: access.token } : {};
      const connection = connectBoard(doc, boardId, relayUrl(window.location), {
        offline: may.keepsLocalCopy,
        readOnly,
        params,
        onRefused: () => {
          dropLocalCopy.current = true;
          setRefused(true);
          setReload((r) => r + 1);
        },
        // The relay cut this copy off (links revoked, link expired): check the access again, which
        // says why on a page of its own, unless this tab revoked them and reopens by itself.
        onAccessLost: () => {
          if (!isRevokingHere(boardId)) reopen();
        },
      });
      const s = createBoardSession(doc, { boardId, connection, role: access.role, token: access.token, reopen });
      // Once the relay has sent the board: upgrade an old one; only the tab that created the
      // board seeds it, after the relay confirmed it is empty.
      let migrated = false;
      const onSynced = () => {
        if (!connection.getState().synced) return;
        if (!migrated && may.canEditStructure) migrated = migrateBoard(doc) || true;
        const template = takeCreatedHere(boardId);
        if (template === null) return;
        if (!isInitialised(doc)) {
          initBoard(doc, newBoardContent(useUiStore.getState().locale, isTemplateId(template) ? template : DEFAULT_TEMPLATE));
          s.undo.clear();
        }
      };
      unsubscribe = connection.subscribe(onSynced);
      made = s;
      setSession(s);
    };
    // A viewer's old local copy (from an earlier role), or a copy holding a refused change, goes
    // before the board opens again, so it cannot come back.
    const drop = !may.keepsLocalCopy || dropLocalCopy.current;
    dropLocalCopy.current = false;
    if (drop) void deleteLocalCopy(boardId).then(open);
    else open();
    return () => {
      cancelled = true;
      unsubscribe();
      made?.destroy();
      setSession(null);
    };
  }, [boardId, access, reopen, reload]);

  const notice: OpenBoardNotice | null = refused ? 'refused' : linkNotice;
  const dismissNotice = useCallback(() => {
    setRefused(false);
    dismissLinkNotice();
  }, [dismissLinkNotice]);
  return { session, denied, choice, notice, dismissNotice };
}
