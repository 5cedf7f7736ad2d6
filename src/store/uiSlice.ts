import type { StateCreator } from 'zustand';

export type Tool = 'select' | 'addTouchpoint';

/** What is being edited in place, if anything. */
export type Editing = { kind: 'touchpoint' | 'stages' | 'channels'; id: string } | { kind: 'title' } | null;

export interface ConfirmRequest {
  message: string;
  onConfirm: () => void;
}

export interface UiSlice {
  selectedId: string | null;
  editing: Editing;
  tool: Tool;
  /** The cell under a dragged card, highlighted as the drop target. */
  dropCellId: string | null;
  confirm: ConfirmRequest | null;
  shortcutsOpen: boolean;
  select(id: string | null): void;
  startEditing(editing: Editing): void;
  stopEditing(): void;
  setTool(tool: Tool): void;
  setDropCell(id: string | null): void;
  askConfirm(request: ConfirmRequest): void;
  closeConfirm(): void;
  setShortcutsOpen(open: boolean): void;
}

export const createUiSlice: StateCreator<UiSlice, [], [], UiSlice> = (set) => ({
  selectedId: null,
  editing: null,
  tool: 'select',
  dropCellId: null,
  confirm: null,
  shortcutsOpen: false,
  select: (id) => set({ selectedId: id }),
  startEditing: (editing) => set({ editing }),
  stopEditing: () => set({ editing: null }),
  setTool: (tool) => set({ tool }),
  setDropCell: (id) => set((s) => (s.dropCellId === id ? s : { dropCellId: id })),
  askConfirm: (request) => set({ confirm: request }),
  closeConfirm: () => set({ confirm: null }),
  setShortcutsOpen: (open) => set({ shortcutsOpen: open }),
});
