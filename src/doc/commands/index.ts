export { initBoard, renameBoard, applyTemplateLanes, addJourneyFromTemplate } from './board';
export { addLane, renameLane, moveLane, deleteLane, touchpointsInLane } from './lanes';
export {
  addTouchpoint,
  setTouchpointText,
  setTouchpointEvaluation,
  setMomentOfTruth,
  moveTouchpoint,
  deleteTouchpoint,
  type CellTarget,
} from './touchpoints';
export { addJourney, updateJourney, setFraming, setExtraRow, deleteJourney, duplicateJourney, type JourneyFields } from './journeys';
export { addPersona, updatePersona, deletePersona, type PersonaFields } from './personas';
export {
  setLaneOwner,
  addKpi,
  updateKpi,
  deleteKpi,
  setEmotionScore,
  setEmotionWords,
  addLaneCard,
  setLaneCardText,
  deleteLaneCard,
  type KpiFields,
} from './stageDetails';
export {
  addPainPoint,
  updatePainPoint,
  togglePainPointTouchpoint,
  deletePainPoint,
  painPointFromTouchpoint,
  type PainPointFields,
} from './painPoints';
export { addAction, updateAction, deleteAction, type ActionFields } from './actions';
export {
  addComment,
  deleteComment,
  setThreadResolved,
  openVote,
  revealVote,
  closeVote,
  clearVoteResults,
  deleteVote,
  placeDot,
  removeDot,
  setTimer,
  setStructureLock,
  type Author,
  type VoteSettings,
} from './workshop';
export { restoreVersion } from './restore';
export { saveView, renameView, moveView, deleteView, type ViewFields } from './views';
