import type { StateCreator } from 'zustand';

export type ExportPhase = 'preparing' | 'rendering' | 'saving' | 'done' | 'failed';

export interface ExportProgress {
  phase: ExportPhase;
  width?: number;
  height?: number;
  error?: string;
}

export interface ExportSlice {
  exportProgress: ExportProgress | null;
  setExportProgress(progress: ExportProgress | null): void;
}

export const createExportSlice: StateCreator<ExportSlice, [], [], ExportSlice> = (set) => ({
  exportProgress: null,
  setExportProgress: (exportProgress) => set({ exportProgress }),
});
