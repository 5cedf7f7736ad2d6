import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { migrateBoard } from '../../src/doc/migrate';
import { readBoard } from '../../src/doc/projection';
import { SCHEMA_VERSION, makeRecord, roots } from '../../src/doc/schema';
import { addKpi, updateKpi } from '../../src/doc/commands';

/** A version-2 board with KPIs as they were: four strings. */
function v2Board(): Y.Doc {
  const doc = new Y.Doc();
  const r = roots(doc);
  doc.transact(() => {
    r.meta.set('schemaVersion', 2);
    r.meta.set('title', 'Abonnement');
    r.journeys.set('j1', makeRecord({ name: 'Parcours', kind: 'existing', order: 'V' }));
    r.stages.set('s1', makeRecord({ journeyId: 'j1', name: 'Achat', order: 'V', owner: '' }));
    r.kpis.set(
      'k1',
      makeRecord({ journeyId: 'j1', stageId: 's1', name: 'Taux de conversion', current: '2,1', target: '3', unit: '%', order: 'V' }),
    );
    r.kpis.set(
      'k2',
      makeRecord({ journeyId: 'j1', stageId: 's1', name: 'Satisfaction', current: 'bonne', target: '', unit: '', order: 'W' }),
    );
    r.kpis.set('k3', makeRecord({ journeyId: 'j1', stageId: 's1', name: 'NPS', current: '', target: '40', unit: 'pts', order: 'X' }));
  });
  return doc;
}

describe('KPIs upgraded to version 3', () => {
  afterEach(() => vi.useRealTimers());

  it('keeps every string and dates a typed value the day of the upgrade', () => {
    vi.useFakeTimers({ now: new Date(2025, 5, 15, 10) });
    const doc = v2Board();
    const before = readBoard(doc).kpis;
    expect(migrateBoard(doc)).toBe(true);
    const after = readBoard(doc);
    expect(after.meta.schemaVersion).toBe(SCHEMA_VERSION);
    expect(after.kpis.map((k) => [k.name, k.current, k.target, k.unit])).toEqual(before.map((k) => [k.name, k.current, k.target, k.unit]));
    expect(after.kpis.map((k) => k.currentDate)).toEqual(['2025-06-15', '2025-06-15', '']);
    expect(after.kpis.every((k) => k.direction === 'up' && k.refreshDays === 35)).toBe(true);
  });

  it('keeps the first date when a second client upgrades later', () => {
    vi.useFakeTimers({ now: new Date(2025, 5, 15, 10) });
    const a = v2Board();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    migrateBoard(a);
    vi.setSystemTime(new Date(2025, 5, 16, 10));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(migrateBoard(b)).toBe(false);
    expect(readBoard(b).kpis[0]!.currentDate).toBe('2025-06-15');
  });

  it('gives a new KPI a direction and an expected refresh that edits change within range', () => {
    const doc = v2Board();
    migrateBoard(doc);
    const id = addKpi(doc, 'j1', 's1', { name: 'Délai de réponse', target: '48', unit: 'h', direction: 'down', refreshDays: 8 });
    expect(readBoard(doc).kpis.find((k) => k.id === id)).toMatchObject({ direction: 'down', refreshDays: 8, current: '', currentDate: '' });
    updateKpi(doc, id, { refreshDays: 99999, direction: 'sideways' as never });
    expect(readBoard(doc).kpis.find((k) => k.id === id)).toMatchObject({ direction: 'down', refreshDays: 3660 });
  });
});
