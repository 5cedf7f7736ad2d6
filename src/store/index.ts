/** The one store of local UI state. Shared, lasting data lives in the board document instead. */
import { create } from 'zustand';
import { createExportSlice, type ExportSlice } from './exportSlice';
import { createLocaleSlice, type LocaleSlice } from './localeSlice';
import { createUiSlice, type UiSlice } from './uiSlice';

export type UiState = UiSlice & LocaleSlice & ExportSlice;

export const useUiStore = create<UiState>()((...a) => ({
  ...createUiSlice(...a),
  ...createLocaleSlice(...a),
  ...createExportSlice(...a),
}));

export type { Tool, Editing, ConfirmRequest, Panel } from './uiSlice';
export type { ExportPhase, ExportProgress } from './exportSlice';
