import { describe, expect, it } from 'vitest';
import { ageInDays, dayFromNumber, dayNumber, isDay, isStale, kpiStatus, kpiTrend, parseNumber, refreshDaysOf } from '../../src/model/kpi';

describe('KPI values', () => {
  it('reads numbers the way French and English files write them', () => {
    expect(parseNumber('2,1')).toBe(2.1);
    expect(parseNumber('1 234,5')).toBe(1234.5);
    expect(parseNumber('1\u202F234,5 €')).toBe(1234.5);
    expect(parseNumber('1,234.5')).toBe(1234.5);
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber('72 %')).toBe(72);
    expect(parseNumber('45 pts')).toBe(45);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('1,234,567')).toBe(1234567);
    expect(parseNumber('1.5', ',')).toBe(15);
    expect(parseNumber('2,5', '.')).toBe(25);
    expect(parseNumber(12.5)).toBe(12.5);
  });

  it('finds no number in words, blanks, or two numbers', () => {
    for (const bad of ['', 'bon', 'n/a', '12 13', '1,2,3.4.5', '--4', Number.NaN, null, {}]) expect(parseNumber(bad)).toBeNull();
  });

  it('checks calendar days and counts days between them', () => {
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2025-02-29')).toBe(false);
    expect(isDay('2025-13-01')).toBe(false);
    expect(isDay('25-01-01')).toBe(false);
    expect(ageInDays('2025-01-31', '2025-03-01')).toBe(29);
    expect(ageInDays('2025-03-01', '2025-03-01')).toBe(0);
    // A value dated later than today is ahead, not « today »: it says so.
    expect(ageInDays('2025-03-04', '2025-03-01')).toBe(-3);
    expect(isStale('2025-03-04', 35, '2025-03-01')).toBe(false);
    expect(dayFromNumber(dayNumber('2025-06-15'))).toBe('2025-06-15');
  });

  it('marks a value older than the expected refresh as stale, not one exactly at it', () => {
    expect(isStale('2025-01-01', 35, '2025-02-05')).toBe(false);
    expect(isStale('2025-01-01', 35, '2025-02-06')).toBe(true);
  });

  it('says on or off target by the direction that is better', () => {
    expect(kpiStatus(40, 45, 'up')).toBe('off');
    expect(kpiStatus(45, 45, 'up')).toBe('on');
    expect(kpiStatus(3, 2, 'down')).toBe('off');
    expect(kpiStatus(1.5, 2, 'down')).toBe('on');
    expect(kpiStatus(null, 2, 'down')).toBe('unknown');
    expect(kpiStatus(3, null, 'up')).toBe('unknown');
    expect(kpiTrend(10, 12, 'up')).toBe('better');
    expect(kpiTrend(10, 12, 'down')).toBe('worse');
    expect(kpiTrend(10, 10, 'down')).toBe('flat');
  });

  it('keeps an expected refresh a whole number of days in range', () => {
    expect(refreshDaysOf(7.4)).toBe(7);
    expect(refreshDaysOf(0)).toBe(1);
    expect(refreshDaysOf(1e9)).toBe(3660);
    expect(refreshDaysOf('30')).toBe(35);
  });
});
