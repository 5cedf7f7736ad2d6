/** The one store of local UI state. Shared, lasting data lives in the board document instead. */
import { create } from 'zustand';
import { createCanvasSlice, type CanvasSlice } from './canvasSlice';
import { createExportSlice, type ExportSlice } from './exportSlice';
import { createIdentitySlice, type IdentitySlice } from './identitySlice';
import { createKpiSlice, type KpiSlice } from './kpiSlice';
import { createLocaleSlice, type LocaleSlice } from './localeSlice';
import { createPresenceSlice, type PresenceSlice } from './presenceSlice';
import { createPresentationSlice, type PresentationSlice } from './presentationSlice';
import { createSearchSlice, type SearchSlice } from './searchSlice';
import { createUiSlice, type UiSlice } from './uiSlice';

export type UiState = UiSlice &
  LocaleSlice &
  ExportSlice &
  PresenceSlice &
  IdentitySlice &
  CanvasSlice &
  KpiSlice &
  SearchSlice &
  PresentationSlice;

export const useUiStore = create<UiState>()((...a) => ({
  ...createUiSlice(...a),
  ...createLocaleSlice(...a),
  ...createExportSlice(...a),
  ...createPresenceSlice(...a),
  ...createIdentitySlice(...a),
  ...createCanvasSlice(...a),
  ...createSearchSlice(...a),
  ...createPresentationSlice(...a),
  ...createKpiSlice(...a),
}));

export type { Tool, Editing, ConfirmRequest, Panel } from './uiSlice';
export type { ExportPhase, ExportProgress } from './exportSlice';
export type { DeletedCard } from './canvasSlice';
export type { KpiDialog } from './kpiSlice';
