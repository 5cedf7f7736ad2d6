import type { StateCreator } from 'zustand';

/** Which KPI dialog is open on this screen: the history of one KPI, the import of a metrics file or of a CRM export, the data feeds, or the review of every KPI. */
export type KpiDialog =
  { kind: 'history'; kpiId: string } | { kind: 'import' } | { kind: 'crm' } | { kind: 'feeds' } | { kind: 'indicators' } | null;

export interface KpiSlice {
  kpiDialog: KpiDialog;
  setKpiDialog(dialog: KpiDialog): void;
}

export const createKpiSlice: StateCreator<KpiSlice, [], [], KpiSlice> = (set) => ({
  kpiDialog: null,
  setKpiDialog: (kpiDialog) => set({ kpiDialog }),
});
