import type { StateCreator } from 'zustand';

export type ExportPhase = 'preparing' | 'rendering' | 'saving' | 'done' | 'failed' | 'cancelled';

/** Where an export stands (held by the export dialog's hook, not by the store). */
export interface ExportProgress {
  phase: ExportPhase;
  /** The whole poster of a journey, or the current view of the canvas. */
  what: 'poster' | 'view';
  width?: number;
  height?: number;
  /** Strip being rendered, and how many there are. */
  strip?: number;
  strips?: number;
  /** The downloaded file's name. */
  file?: string;
  /** Printed size of the cards' text, in points, when known. */
  textPoints?: number;
  error?: string;
}

/** A short message about something that just happened (paste, import), shown until dismissed. */
export interface Notice {
  text: string;
  tone: 'info' | 'error';
}

export type DataDialog = 'menu' | 'importBoard' | 'importCsv' | null;

/** Local state of the poster export and of open-data import/export dialogs. */
export interface ExportSlice {
  exportOpen: boolean;
  dataDialog: DataDialog;
  notice: Notice | null;
  setExportOpen(open: boolean): void;
  setDataDialog(dialog: DataDialog): void;
  setNotice(notice: Notice | null): void;
}

export const createExportSlice: StateCreator<ExportSlice, [], [], ExportSlice> = (set) => ({
  exportOpen: false,
  dataDialog: null,
  notice: null,
  setExportOpen: (exportOpen) => set({ exportOpen }),
  setDataDialog: (dataDialog) => set({ dataDialog }),
  setNotice: (notice) => set({ notice }),
});
