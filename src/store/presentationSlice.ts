import type { StateCreator } from 'zustand';

/** Whether this person presents, or follows someone who does. */
export type PresentationRole = 'leading' | 'following';

/** Presentation mode: local to this page; what the presenter shows goes to the others through presence. */
export interface PresentationSlice {
  presenting: PresentationRole | null;
  /** The step shown, by its position: a stage of the journey, or a saved view when `presentViews`. */
  presentStage: number;
  /** Whether the presentation steps through the saved views rather than the journey's stages. */
  presentViews: boolean;
  startPresentation(role: PresentationRole, views?: boolean): void;
  stopPresentation(): void;
  setPresentStage(stage: number): void;
  setPresentViews(views: boolean): void;
}

export const createPresentationSlice: StateCreator<PresentationSlice, [], [], PresentationSlice> = (set) => ({
  presenting: null,
  presentStage: 0,
  presentViews: false,
  startPresentation: (presenting, views = false) => set({ presenting, presentStage: 0, presentViews: views }),
  stopPresentation: () => set({ presenting: null, presentViews: false }),
  setPresentStage: (presentStage) => set({ presentStage }),
  setPresentViews: (presentViews) => set({ presentViews }),
});
