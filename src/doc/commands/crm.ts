/** Commands of a CRM pipeline import: remember the stage mapping, and make the KPIs it fills. */
import type * as Y from 'yjs';
import type { CrmMetric, StageMapping } from '../../model/crmPipeline';
import { CRM_MAPPING_FIELD } from '../crm';
import { getRecord, readKpi } from '../read';
import { roots } from '../schema';
import { edit } from './edit';
import { addKpi } from './stageDetails';

/** Which way is better for each metric's KPI (a long time in a stage is bad). */
export const CRM_KPI_DIRECTION: Record<CrmMetric, 'up' | 'down'> = { volume: 'up', conversion: 'up', medianDays: 'down' };

/**
 * In one edit (one undo step): remembers the journey's mapping, and gives each stage a KPI for
 * each metric the import fills that it does not have yet, named and united with `labels` (in the
 * interface language). Returns the KPI id
 * of every (stage, metric).
 */
export function applyCrmImport(
  doc: Y.Doc,
  journeyId: string,
  mapping: StageMapping,
  wanted: readonly { stageId: string; metric: CrmMetric }[],
  labels: Record<CrmMetric, { name: string; unit: string }>,
): Record<string, Partial<Record<CrmMetric, string>>> {
  const journey = getRecord(doc, 'journeys', journeyId);
  if (!journey) return {};
  return edit(doc, () => {
    journey.set(CRM_MAPPING_FIELD, { ...mapping });
    const found: Record<string, Partial<Record<CrmMetric, string>>> = {};
    roots(doc).kpis.forEach((r, id) => {
      const kpi = readKpi(id, r);
      if (kpi.journeyId === journeyId && kpi.metric) (found[kpi.stageId] ??= {})[kpi.metric] ??= id;
    });
    for (const { stageId, metric } of wanted) {
      if (found[stageId]?.[metric] || !getRecord(doc, 'stages', stageId)) continue;
      const { name, unit } = labels[metric];
      (found[stageId] ??= {})[metric] = addKpi(doc, journeyId, stageId, {
        name,
        target: '',
        unit,
        direction: CRM_KPI_DIRECTION[metric],
        metric,
        refreshDays: 35,
      });
    }
    return found;
  });
}
