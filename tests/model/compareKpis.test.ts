import { describe, expect, it } from 'vitest';
import { compareKpis, isEmptyKpiComparison } from '../../src/model/compareKpis';
import { summarize, type MetricPoint } from '../../src/model/metrics';
import type { Kpi } from '../../src/model/types';

const kpi = (id: string, name: string, extra: Partial<Kpi> = {}): Kpi => ({
  id,
  journeyId: 'j',
  stageId: 's',
  name,
  current: '',
  currentDate: '',
  target: '45',
  unit: '',
  direction: 'up',
  refreshDays: 35,
  order: id,
  ...extra,
});
const stages = [{ id: 's', name: 'Achat' }];
const values = (...list: [string, number][]) => summarize(list.map(([date, value]): MetricPoint => ({ date, value, source: 'typed' })))!;

describe('the KPIs of a version compared with the board', () => {
  it('lists each KPI whose latest value changed, then → now, with its target and which way it went', () => {
    const nps = kpi('k1', 'NPS');
    const delay = kpi('k2', 'Délai', { direction: 'down', target: '2' });
    const steady = kpi('k3', 'CSAT');
    const c = compareKpis(
      {
        kpis: [nps, delay, steady],
        stages,
        summary: { k1: values(['2026-01-31', 31]), k2: values(['2026-01-31', 3]), k3: values(['2026-01-31', 4]) },
      },
      {
        kpis: [nps, delay, steady],
        stages,
        summary: {
          k1: values(['2026-01-31', 31], ['2026-03-31', 36]),
          k2: values(['2026-01-31', 3], ['2026-03-31', 4]),
          // A newer reading of the same number: not a move.
          k3: values(['2026-01-31', 4], ['2026-03-31', 4]),
        },
      },
    );
    expect(c.moved.map((m) => [m.name, m.stageName, m.then?.value, m.now?.value, m.target, m.trend])).toEqual([
      ['NPS', 'Achat', 31, 36, '45', 'better'],
      ['Délai', 'Achat', 3, 4, '2', 'worse'],
    ]);
    expect(c.added).toEqual([]);
    expect(c.removed).toEqual([]);
  });

  it('counts a first value, or values all gone, as a move without a trend', () => {
    const nps = kpi('k1', 'NPS');
    const c = compareKpis({ kpis: [nps], stages, summary: {} }, { kpis: [nps], stages, summary: { k1: values(['2026-03-31', 36]) } });
    expect(c.moved).toMatchObject([{ id: 'k1', then: null, now: { value: 36 }, trend: null }]);
    const gone = compareKpis({ kpis: [nps], stages, summary: { k1: values(['2026-03-31', 36]) } }, { kpis: [nps], stages, summary: {} });
    expect(gone.moved).toMatchObject([{ id: 'k1', then: { value: 36 }, now: null }]);
  });

  it('lists the KPIs added and removed since, with their values', () => {
    const old = kpi('k1', 'Taux de rebond');
    const added = kpi('k2', 'NPS');
    const c = compareKpis(
      { kpis: [old], stages, summary: { k1: values(['2026-01-31', 40]) } },
      { kpis: [added], stages, summary: { k2: values(['2026-03-31', 36]) } },
    );
    expect(c.moved).toEqual([]);
    expect(c.added).toMatchObject([{ id: 'k2', name: 'NPS', now: { value: 36 } }]);
    expect(c.removed).toMatchObject([{ id: 'k1', name: 'Taux de rebond', then: { value: 40 } }]);
  });

  it('has nothing to say when no value moved and no KPI came or went', () => {
    const nps = kpi('k1', 'NPS');
    const same = { kpis: [nps], stages, summary: { k1: values(['2026-01-31', 31]) } };
    expect(isEmptyKpiComparison(compareKpis(same, same))).toBe(true);
  });
});
