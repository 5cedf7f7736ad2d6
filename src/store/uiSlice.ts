import type { StateCreator } from 'zustand';

export type Tool = 'select' | 'addTouchpoint';

/** What is being edited in place, if anything. */
export type Editing = { kind: 'touchpoint' | 'stages' | 'channels'; id: string } | { kind: 'title' } | null;

/** The side panels of a board page. */
export type Panel = 'framing' | 'personas' | 'actions' | 'stage' | 'workshop' | 'comments' | 'versions';

export interface ConfirmRequest {
  message: string;
  onConfirm: () => void;
}

export interface UiSlice {
  selectedId: string | null;
  editing: Editing;
  tool: Tool;
  confirm: ConfirmRequest | null;
  shortcutsOpen: boolean;
  /** The open side panel, and for the stage panel which stage. */
  panel: Panel | null;
  panelStageId: string | null;
  /** The journey compared with the one on screen, if compare mode is on. */
  compareWith: string | null;
  /** The record whose comment thread the comments panel shows; null lists every thread. */
  commentTarget: string | null;
  select(id: string | null): void;
  startEditing(editing: Editing): void;
  stopEditing(): void;
  setTool(tool: Tool): void;
  askConfirm(request: ConfirmRequest): void;
  closeConfirm(): void;
  setShortcutsOpen(open: boolean): void;
  openPanel(panel: Panel | null, stageId?: string): void;
  setCompareWith(journeyId: string | null): void;
  openComments(targetId: string): void;
}

export const createUiSlice: StateCreator<UiSlice, [], [], UiSlice> = (set) => ({
  selectedId: null,
  editing: null,
  tool: 'select',
  confirm: null,
  shortcutsOpen: false,
  panel: null,
  panelStageId: null,
  compareWith: null,
  commentTarget: null,
  select: (id) => set({ selectedId: id }),
  startEditing: (editing) => set({ editing }),
  stopEditing: () => set({ editing: null }),
  setTool: (tool) => set({ tool }),
  askConfirm: (request) => set({ confirm: request }),
  closeConfirm: () => set({ confirm: null }),
  setShortcutsOpen: (open) => set({ shortcutsOpen: open }),
  // A panel opened by itself shows no particular thread: only openComments names one.
  openPanel: (panel, stageId) => set({ panel, panelStageId: stageId ?? null, commentTarget: null }),
  setCompareWith: (journeyId) => set({ compareWith: journeyId }),
  openComments: (targetId) => set({ commentTarget: targetId, panel: 'comments' }),
});
