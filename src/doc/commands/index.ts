export { initBoard, renameBoard, applyTemplateLanes } from './board';
export { addLane, renameLane, moveLane, deleteLane, touchpointsInLane } from './lanes';
export {
  addTouchpoint,
  setTouchpointText,
  setTouchpointEvaluation,
  moveTouchpoint,
  deleteTouchpoint,
  type CellTarget,
} from './touchpoints';
