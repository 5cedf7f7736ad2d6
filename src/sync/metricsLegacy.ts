/**
 * Values typed before KPIs had a history (a KPI's `current` text, dated by the upgrade to
 * schema 3): a facilitator's copy writes the numeric ones into the series, then clears them in
 * the document. The write is idempotent on (KPI, day), so two facilitators doing it at once
 * write one value; a text that is not a number stays as it is.
 */
import type * as Y from 'yjs';
import { readBoard } from '../doc/projection';
import { MIGRATION_ORIGIN } from '../doc/origins';
import { roots } from '../doc/schema';
import { dayOf, parseNumber } from '../model/kpi';
import type { MetricInput } from '../model/metrics';
import type { MetricsClient } from './metrics';

/** The typed values of a board that belong in its series. */
export function typedValues(doc: Y.Doc, today = dayOf(Date.now())): MetricInput[] {
  const out: MetricInput[] = [];
  for (const kpi of readBoard(doc).kpis) {
    const value = parseNumber(kpi.current, 'auto');
    if (kpi.current.trim() && value !== null) out.push({ kpiId: kpi.id, date: kpi.currentDate || today, value });
  }
  return out;
}

/** Moves the typed values into the series, then clears them. Returns how many moved (0 when the relay could not take them). */
export async function moveTypedValues(doc: Y.Doc, metrics: MetricsClient): Promise<number> {
  const values = typedValues(doc);
  if (values.length === 0) return 0;
  try {
    await metrics.write(values, 'typed');
  } catch {
    return 0; // kept in the document; the next visit tries again
  }
  // Not an edit of this person's: nobody should undo it, as nobody undoes a migration.
  doc.transact(() => {
    for (const v of values) {
      const kpi = roots(doc).kpis.get(v.kpiId);
      if (!kpi) continue;
      kpi.set('current', '');
      kpi.set('currentDate', '');
    }
  }, MIGRATION_ORIGIN);
  return values.length;
}
