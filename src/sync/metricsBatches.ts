/**
 * Writing many values as one change: the relay takes at most MAX_VALUES_PER_CALL per call, so a
 * large import is several calls, each a batch; if one fails, those already written are undone,
 * and undoing the import undoes them all, newest first.
 */
import type { MetricSource } from '../model/kpi';
import { MAX_VALUES_PER_CALL, type MetricInput } from '../model/metrics';
import type { MetricsClient, WriteResult } from './metrics';

export interface ImportResult {
  batches: string[];
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Writes every value, all or nothing (as far as the relay can be reached to undo). */
export async function writeAll(
  client: MetricsClient,
  values: readonly MetricInput[],
  source: Exclude<MetricSource, 'feed'>,
): Promise<ImportResult> {
  const result: ImportResult = { batches: [], inserted: 0, updated: 0, unchanged: 0 };
  try {
    for (let i = 0; i < values.length; i += MAX_VALUES_PER_CALL) {
      const written: WriteResult = await client.write(values.slice(i, i + MAX_VALUES_PER_CALL), source);
      result.batches.push(written.batch);
      result.inserted += written.inserted;
      result.updated += written.updated;
      result.unchanged += written.unchanged;
    }
  } catch (error) {
    await undoAll(client, result.batches).catch(() => undefined);
    throw error;
  }
  return result;
}

/** Undoes the batches of one import, newest first. */
export async function undoAll(client: MetricsClient, batches: readonly string[]): Promise<void> {
  for (const batch of [...batches].reverse()) await client.undo(batch);
}
