/** Reading what a journey remembers of its CRM: how the CRM's stage names map to its stages. */
import type * as Y from 'yjs';
import type { StageMapping } from '../model/crmPipeline';
import { getRecord } from './read';

/** The journey record field holding the mapping (a plain object: CRM stage name → stage id). */
export const CRM_MAPPING_FIELD = 'crmStages';

/** The CRM stage mapping a journey remembers (empty when none, or malformed). */
export function readStageMapping(doc: Y.Doc, journeyId: string): StageMapping {
  const value = getRecord(doc, 'journeys', journeyId)?.get(CRM_MAPPING_FIELD);
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}
