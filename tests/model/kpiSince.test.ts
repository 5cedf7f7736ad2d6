import { describe, expect, it } from 'vitest';
import { kpiSince, summaryCovers } from '../../src/model/kpiSince';
import { summarize, type MetricPoint } from '../../src/model/metrics';

const p = (date: string, value: number): MetricPoint => ({ date, value, source: 'typed' });
const nps = [p('2026-01-31', 28), p('2026-02-28', 31), p('2026-03-31', 33), p('2026-04-30', 36)];

describe('a KPI read since an action was created', () => {
  it('goes from the value of the creation day, or the last one before it, to the latest', () => {
    expect(kpiSince(nps, '2026-03-12', 'up')).toEqual({ kind: 'moved', before: nps[1], latest: nps[3], trend: 'better' });
    expect(kpiSince(nps, '2026-02-28', 'up')).toMatchObject({ before: nps[1] });
  });

  it('says which way is better from the KPI’s direction', () => {
    expect(kpiSince(nps, '2026-03-12', 'down')).toMatchObject({ kind: 'moved', trend: 'worse' });
    expect(kpiSince([p('2026-01-01', 5), p('2026-02-01', 5)], '2026-01-10', 'up')).toMatchObject({ trend: 'flat' });
  });

  it('has nothing to say when no value came after the creation', () => {
    expect(kpiSince(nps, '2026-04-30', 'up')).toEqual({ kind: 'noValueSince', before: nps[3] });
    expect(kpiSince([], '2026-04-30', 'up')).toEqual({ kind: 'noValueSince', before: null });
  });

  it('gives the first value when the KPI was first measured after the creation', () => {
    expect(kpiSince(nps, '2025-12-01', 'up')).toEqual({ kind: 'firstValue', latest: nps[3] });
  });

  it('reads the summary when it reaches back to the creation, the whole series otherwise', () => {
    const daily = Array.from({ length: 100 }, (_, i) => p(new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10), i));
    const summary = summarize(daily)!;
    expect(summaryCovers(summary, '2026-03-20')).toBe(true);
    expect(summaryCovers(summary, '2026-01-15')).toBe(false);
    expect(summaryCovers(summarize(nps)!, '2020-01-01')).toBe(true);
    expect(summaryCovers(undefined, '2026-01-15')).toBe(true);
  });
});
