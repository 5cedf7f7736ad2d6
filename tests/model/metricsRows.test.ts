import { describe, expect, it } from 'vitest';
import { detectDayOrder, parseDay, readMetricRows, resolveKpi, type KpiRef } from '../../src/model/metricsRows';

const refs: KpiRef[] = [
  { id: 'k_nps_achat', name: 'NPS', stageName: 'Achat' },
  { id: 'k_nps_usage', name: 'NPS', stageName: 'Usage' },
  { id: 'k_conv', name: 'Taux de conversion', stageName: 'Achat' },
];

describe('metric rows', () => {
  it('reads days written the ISO, French and American ways', () => {
    expect(parseDay('2025-01-31')).toBe('2025-01-31');
    expect(parseDay('2025-01-31T23:00:00Z')).toBe('2025-01-31');
    expect(parseDay('31/01/2025')).toBe('2025-01-31');
    expect(parseDay('3/2/2025')).toBe('2025-02-03');
    expect(parseDay('3/2/2025', 'mdy')).toBe('2025-03-02');
    expect(parseDay('31.01.25')).toBe('2025-01-31');
    expect(parseDay('31/01/2025 14:05')).toBe('2025-01-31');
    expect(parseDay(new Date(Date.UTC(2025, 0, 31)))).toBe('2025-01-31');
    expect(parseDay('31/02/2025')).toBeNull();
    expect(parseDay('janvier')).toBeNull();
  });

  it('takes a date column as month-first only when a day-first reading is impossible', () => {
    expect(detectDayOrder(['01/02/2025', '03/04/2025'])).toBe('dmy');
    expect(detectDayOrder(['01/02/2025', '03/25/2025'])).toBe('mdy');
    expect(detectDayOrder(['25/03/2025', '03/25/2025'])).toBe('dmy');
  });

  it('finds a KPI by id, by a unique name, or by its name within a stage', () => {
    expect(resolveKpi(refs, 'k_conv', '')).toEqual({ id: 'k_conv' });
    expect(resolveKpi(refs, 'taux de conversion ', '')).toEqual({ id: 'k_conv' });
    expect(resolveKpi(refs, 'NPS', 'usage')).toEqual({ id: 'k_nps_usage' });
    expect(resolveKpi(refs, 'NPS', '')).toEqual({ reason: 'kpi-ambiguous' });
    expect(resolveKpi(refs, 'NPS', 'Découverte')).toEqual({ reason: 'stage-unknown' });
    expect(resolveKpi(refs, 'CSAT', '')).toEqual({ reason: 'kpi-unknown' });
    expect(resolveKpi(refs, '', '')).toEqual({ reason: 'kpi-missing' });
  });

  it('keeps the good rows and lists every refused one with its line', () => {
    const { values, rejected } = readMetricRows(
      [
        { line: 2, kpi: 'Taux de conversion', date: '31/01/2025', value: '2,1' },
        { line: 3, kpi: 'Taux de conversion', date: '2025-01-31', value: '2,3' },
        { line: 4, kpi: 'NPS', stage: 'Achat', date: '2025-02-28', value: '45 pts' },
        { line: 5, kpi: 'Effacé', date: '2025-02-28', value: '1' },
        { line: 6, kpi: 'k_conv', date: '30/02/2025', value: '1' },
        { line: 7, kpi: 'k_conv', date: '', value: '1' },
        { line: 8, kpi: 'k_conv', date: '2025-03-31', value: 'beaucoup' },
        { line: 9, kpi: 'k_conv', date: '2025-04-30', value: '' },
        { line: 10, kpi: 'k_conv', date: '2025-05-31', value: '1e300' },
      ],
      refs,
    );
    expect(values).toEqual([
      { kpiId: 'k_conv', date: '2025-01-31', value: 2.1 },
      { kpiId: 'k_nps_achat', date: '2025-02-28', value: 45 },
    ]);
    expect(rejected).toEqual([
      { line: 3, reason: 'duplicate' },
      { line: 5, reason: 'kpi-unknown' },
      { line: 6, reason: 'date-invalid' },
      { line: 7, reason: 'date-missing' },
      { line: 8, reason: 'value-invalid' },
      { line: 9, reason: 'value-missing' },
      { line: 10, reason: 'value-invalid' },
    ]);
  });
});
