import { useCallback, useEffect, useState } from 'react';
import * as Y from 'yjs';
import { initBoard } from '../doc/commands';
import { migrateBoard } from '../doc/migrate';
import { createBoardReader, createDocReader } from '../doc/projection';
import { readWorkshop } from '../doc/workshop';
import { isInitialised } from '../doc/schema';
import { createUndoManager } from '../doc/undo';
import { defaultBoard, type Locale } from '../model/defaults';
import { isTemplateId, journeyTemplate, type TemplateId } from '../model/templates';
import { useUiStore } from '../store';
import { AccessError, checkAccess, storeAccess, storedAccess } from '../sync/access';
import { connectBoard, relayUrl } from '../sync/connection';
import type { Role } from '../sync/presence';
import type { BoardSession } from './boardContext';

const CREATING_KEY = 'parcours.creating';

const TEMPLATE_KEY = 'parcours.creatingTemplate';

/** Marks a board id as created by this tab, so that it alone fills the new board (from `template`). */
export function markBoardAsCreatedHere(boardId: string, template: TemplateId = 'ecommerce'): void {
  sessionStorage.setItem(CREATING_KEY, boardId);
  sessionStorage.setItem(TEMPLATE_KEY, template);
}

/** The content of a new board: the title and journey name of the language, the chosen template's lanes and examples. */
function newBoardContent(locale: Locale, template: TemplateId) {
  const base = defaultBoard(locale);
  // The default board is the e-commerce model without example cards.
  if (template === 'ecommerce') return base;
  const t = journeyTemplate(template, locale);
  return { ...base, stages: t.stages, channels: t.channels, examples: t.examples };
}

interface Access {
  token: string | null;
  role: Role;
}

export interface OpenBoard {
  session: BoardSession | null;
  /** Set when the relay refused this browser's link (401: no or bad link; 403: expired or revoked). */
  denied: AccessError | null;
}

/** Takes a share-link token out of the address (`?t=`) into this browser's storage. */
function adoptLinkToken(boardId: string): void {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('t');
  if (!token) return;
  storeAccess(boardId, { token, role: 'viewer' });
  url.searchParams.delete('t');
  window.history.replaceState(null, '', `${url.pathname}${url.search}${url.hash}`);
}

/**
 * Opens a board: checks this browser's link with the relay, then a fresh Y.Doc connected to the
 * relay (and kept in IndexedDB), torn down when the page leaves or the access changes.
 */
export function useOpenBoard(boardId: string): OpenBoard {
  const [access, setAccess] = useState<Access | null>(null);
  const [denied, setDenied] = useState<AccessError | null>(null);
  const [generation, setGeneration] = useState(0);
  const reopen = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    let alive = true;
    adoptLinkToken(boardId);
    const stored = storedAccess(boardId);
    const token = stored?.token ?? null;
    setAccess(null);
    setDenied(null);
    checkAccess(boardId, token).then(
      ({ role }) => {
        if (!alive) return;
        if (token) storeAccess(boardId, { token, role });
        setAccess({ token, role });
      },
      (error: unknown) => {
        if (!alive) return;
        if (error instanceof AccessError && (error.status === 401 || error.status === 403)) setDenied(error);
        // The relay is unreachable (offline): work locally with what this browser last knew.
        else setAccess({ token, role: stored?.role ?? 'facilitator' });
      },
    );
    return () => {
      alive = false;
    };
  }, [boardId, generation]);

  const [session, setSession] = useState<BoardSession | null>(null);
  useEffect(() => {
    if (!access) return;
    const doc = new Y.Doc();
    const params: Record<string, string> = access.token ? { token: access.token } : {};
    const connection = connectBoard(doc, boardId, relayUrl(window.location), { offline: true, params });
    const s: BoardSession = {
      boardId,
      doc,
      connection,
      reader: createBoardReader(doc),
      undo: createUndoManager(doc),
      workshop: createDocReader(doc, readWorkshop),
      role: access.role,
      token: access.token,
      reopen,
    };
    // Once the relay has sent the board: upgrade an old one; only the tab that created the
    // board seeds it, after the relay confirmed it is empty.
    let migrated = false;
    const onSynced = () => {
      if (!connection.getState().synced) return;
      if (!migrated && access.role === 'facilitator') migrated = migrateBoard(doc) || true;
      if (sessionStorage.getItem(CREATING_KEY) !== boardId) return;
      sessionStorage.removeItem(CREATING_KEY);
      const template = sessionStorage.getItem(TEMPLATE_KEY);
      sessionStorage.removeItem(TEMPLATE_KEY);
      if (!isInitialised(doc)) {
        initBoard(doc, newBoardContent(useUiStore.getState().locale, isTemplateId(template) ? template : 'ecommerce'));
        s.undo.clear();
      }
    };
    const unsubscribe = connection.subscribe(onSynced);
    setSession(s);
    return () => {
      unsubscribe();
      s.undo.destroy();
      connection.destroy();
      doc.destroy();
      setSession(null);
    };
  }, [boardId, access, reopen]);
  return { session, denied };
}
