import type { StateCreator } from 'zustand';

/** Whether this person presents, or follows someone who does. */
export type PresentationRole = 'leading' | 'following';

/** Presentation mode: local to this page; what the presenter shows goes to the others through presence. */
export interface PresentationSlice {
  presenting: PresentationRole | null;
  /** The stage shown, by its position in the journey. */
  presentStage: number;
  startPresentation(role: PresentationRole): void;
  stopPresentation(): void;
  setPresentStage(stage: number): void;
}

export const createPresentationSlice: StateCreator<PresentationSlice, [], [], PresentationSlice> = (set) => ({
  presenting: null,
  presentStage: 0,
  startPresentation: (presenting) => set({ presenting, presentStage: 0 }),
  stopPresentation: () => set({ presenting: null }),
  setPresentStage: (presentStage) => set({ presentStage }),
});
