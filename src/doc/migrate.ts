/** Upgrading boards written by older versions of Parcours. */
import * as Y from 'yjs';
import { dayOf, isDay } from '../model/kpi';
import { MIGRATION_ORIGIN } from './origins';
import { SCHEMA_VERSION, isInitialised, roots } from './schema';

/**
 * Each step upgrades a board from version `from` to `from + 1`. Steps must be idempotent: two
 * clients may open an old board at the same moment and both run them.
 */
const STEPS: Record<number, (doc: Y.Doc) => void> = {
  // v1 -> v2: personas, KPIs, emotions, pain points, extra rows and actions are new maps that
  // start empty, and every new field of existing records reads with a default. Nothing to rewrite.
  1: () => {},
  // v2 -> v3: a KPI's value becomes a dated series kept by the relay. A value typed before
  // (`current`) is dated the day the board is upgraded, the last day it is known to have held;
  // a facilitator's copy then moves it into the series (src/sync/metricsLegacy.ts). Direction
  // and expected refresh read with their defaults. Two clients upgrading the same day write the
  // same date; a date already set is kept.
  2: (doc) => {
    const today = dayOf(Date.now());
    roots(doc).kpis.forEach((kpi) => {
      if (!(kpi instanceof Y.Map)) return;
      const current = kpi.get('current');
      if (typeof current === 'string' && current.trim() && !isDay(kpi.get('currentDate'))) kpi.set('currentDate', today);
    });
  },
};

/** Whether this board was written by a newer version than this code understands. */
export function isFromTheFuture(doc: Y.Doc): boolean {
  const v = roots(doc).meta.get('schemaVersion');
  return typeof v === 'number' && v > SCHEMA_VERSION;
}

/** Brings an initialised board up to SCHEMA_VERSION. Returns true if anything was upgraded. */
export function migrateBoard(doc: Y.Doc): boolean {
  if (!isInitialised(doc) || isFromTheFuture(doc)) return false;
  let version = roots(doc).meta.get('schemaVersion') as number;
  if (version >= SCHEMA_VERSION) return false;
  doc.transact(() => {
    while (version < SCHEMA_VERSION) {
      STEPS[version]?.(doc);
      version += 1;
      roots(doc).meta.set('schemaVersion', version);
    }
  }, MIGRATION_ORIGIN);
  return true;
}
