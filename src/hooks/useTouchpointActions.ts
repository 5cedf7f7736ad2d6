import { useMemo } from 'react';
import type * as Y from 'yjs';
import { deleteTouchpoint, moveTouchpoint, painPointFromTouchpoint, setMomentOfTruth, setTouchpointEvaluation } from '../doc/commands';
import { cellTouchpoints, sortedLanes } from '../doc/read';
import { isOffered, TOUCHPOINT_ACTIONS, type TouchpointAction, type TouchpointActionName } from '../model/touchpointActions';
import type { Evaluation, Touchpoint } from '../model/types';
import { useUiStore } from '../store';
import { useBoardSession } from './useBoardSession';
import { useCapabilities } from './useCapabilities';

export interface ActionContext {
  doc: Y.Doc;
  undo: Y.UndoManager;
  touchpoint: Touchpoint;
}

const toggle =
  (evaluation: Evaluation) =>
  ({ doc, touchpoint }: ActionContext) =>
    setTouchpointEvaluation(doc, touchpoint.id, touchpoint.evaluation === evaluation ? null : evaluation);

/** Moves the card `by` places in its cell's list. */
function reorder({ doc, touchpoint: tp }: ActionContext, by: number): void {
  const list = cellTouchpoints(doc, tp.journeyId, tp.stageId, tp.channelId);
  const index = list.findIndex((c) => c.id === tp.id) + by;
  if (index >= 0 && index < list.length) moveTouchpoint(doc, tp.id, { stageId: tp.stageId, channelId: tp.channelId, index });
}

/** Moves the card to the same channel of the stage `by` columns away, at the same height if it can. */
function changeStage({ doc, touchpoint: tp }: ActionContext, by: number): void {
  const stages = sortedLanes(doc, 'stages', tp.journeyId);
  const target = stages[stages.findIndex((s) => s.id === tp.stageId) + by];
  if (!target || stages.every((s) => s.id !== tp.stageId)) return;
  const here = cellTouchpoints(doc, tp.journeyId, tp.stageId, tp.channelId).findIndex((c) => c.id === tp.id);
  const there = cellTouchpoints(doc, tp.journeyId, target.id, tp.channelId).length;
  moveTouchpoint(doc, tp.id, { stageId: target.id, channelId: tp.channelId, index: Math.min(Math.max(here, 0), there) });
}

/** Deletes the card and offers, for a while, to bring it back. */
function remove({ doc, undo, touchpoint }: ActionContext): void {
  const ui = useUiStore.getState();
  if (ui.selectedId === touchpoint.id) ui.select(null);
  // The deletion is an undo step of its own, so « Annuler » takes back exactly it.
  undo.stopCapturing();
  const before = undo.undoStack.length;
  deleteTouchpoint(doc, touchpoint.id);
  const step = undo.undoStack.length > before ? undo.undoStack[undo.undoStack.length - 1] : null;
  ui.setDeletedCard(step ? { touchpointId: touchpoint.id, undoStep: step } : null);
}

/** What each action does. A Record, so an action added to the table without a behaviour does not compile. */
const PERFORM: Record<TouchpointActionName, (ctx: ActionContext) => void> = {
  evaluateDelight: toggle('delight'),
  evaluateImprovable: toggle('improvable'),
  evaluatePain: toggle('pain'),
  clearEvaluation: ({ doc, touchpoint }) => setTouchpointEvaluation(doc, touchpoint.id, null),
  toggleMoment: ({ doc, touchpoint }) => setMomentOfTruth(doc, touchpoint.id, !touchpoint.momentOfTruth),
  makePainPoint: ({ doc, touchpoint }) => void painPointFromTouchpoint(doc, touchpoint.id),
  comment: ({ touchpoint }) => useUiStore.getState().openComments(touchpoint.id),
  edit: ({ touchpoint }) => {
    const ui = useUiStore.getState();
    ui.select(touchpoint.id);
    ui.startEditing({ kind: 'touchpoint', id: touchpoint.id });
  },
  delete: remove,
  moveUp: (ctx) => reorder(ctx, -1),
  moveDown: (ctx) => reorder(ctx, 1),
  moveLeft: (ctx) => changeStage(ctx, -1),
  moveRight: (ctx) => changeStage(ctx, 1),
};

/** Whether this person may run `action` on this card now: a viewer runs nothing that edits. */
export function mayRun(action: TouchpointAction, touchpoint: Touchpoint, canEdit: boolean): boolean {
  return (action.needs === 'read' || canEdit) && isOffered(action, touchpoint);
}

/** Runs `action` on the card if this person may; returns whether it ran. */
export function runTouchpointAction(action: TouchpointAction, ctx: ActionContext, canEdit: boolean): boolean {
  if (!mayRun(action, ctx.touchpoint, canEdit)) return false;
  PERFORM[action.name](ctx);
  return true;
}

export interface OfferedAction {
  action: TouchpointAction;
  /** Whether its button shows as pressed (the card's evaluation, its moment of truth). */
  pressed: boolean;
  run(): void;
}

/** The actions this person is offered on `touchpoint`, each ready to run. */
export function useTouchpointActions(touchpoint: Touchpoint): OfferedAction[] {
  const { doc, undo } = useBoardSession();
  const { canEdit } = useCapabilities();
  return useMemo(
    () =>
      TOUCHPOINT_ACTIONS.filter((action) => mayRun(action, touchpoint, canEdit)).map((action) => ({
        action,
        pressed: action.pressed?.(touchpoint) ?? false,
        run: () => void runTouchpointAction(action, { doc, undo, touchpoint }, canEdit),
      })),
    [doc, undo, touchpoint, canEdit],
  );
}
