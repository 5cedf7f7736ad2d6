import { describe, expect, it } from 'vitest';
import { formatMeasure, formatNumber, formatRelativeTime, translator } from '../../src/i18n';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const NOW = Date.UTC(2025, 4, 15, 12, 0, 0);

describe('formatNumber', () => {
  it('writes decimals and thousands the language’s way', () => {
    expect(formatNumber('fr', 5.8)).toBe('5,8');
    expect(formatNumber('en', 5.8)).toBe('5.8');
    expect(formatNumber('fr', 12345)).toBe('12\u202F345');
    expect(formatNumber('en', 12345)).toBe('12,345');
  });

  it('writes small whole numbers exactly as Intl does, around the thousand too', () => {
    for (const locale of ['fr', 'en'] as const) {
      const intl = new Intl.NumberFormat(locale);
      for (let n = -1200; n <= 1200; n++) expect(formatNumber(locale, n)).toBe(intl.format(n));
    }
  });
});

describe('formatMeasure', () => {
  it('puts a non-breaking space between a value and a word unit', () => {
    expect(formatMeasure('fr', '9', 'jours')).toBe('9\u00A0jours');
    expect(formatMeasure('fr', '12', 'pts')).toBe('12\u00A0pts');
    expect(formatMeasure('en', '12', 'days')).toBe('12\u00A0days');
  });

  it('spaces « % » in French and not in English', () => {
    expect(formatMeasure('fr', '45', '%')).toBe('45\u202F%');
    expect(formatMeasure('en', '45', '%')).toBe('45%');
  });

  it('keeps a ratio unit against its value', () => {
    expect(formatMeasure('fr', '5', '/7')).toBe('5/7');
  });

  it('rewrites a typed decimal with the language’s separator and keeps its decimals', () => {
    expect(formatMeasure('fr', '5.8', 'pt')).toBe('5,8\u00A0pt');
    expect(formatMeasure('fr', '0.50', '')).toBe('0,50');
    expect(formatMeasure('en', '1200', '€')).toBe('1,200\u00A0€');
  });

  it('leaves a value that is not a plain number as typed, and gives nothing for no value', () => {
    expect(formatMeasure('fr', '≈ 3,5', 'jours')).toBe('≈ 3,5\u00A0jours');
    expect(formatMeasure('fr', '  ', '%')).toBe('');
  });
});

describe('formatRelativeTime', () => {
  it('says nothing under a minute (the caller says « à l’instant »), and counts a time ahead as now', () => {
    expect(formatRelativeTime('fr', NOW - 30_000, NOW)).toBeNull();
    expect(formatRelativeTime('fr', NOW + DAY, NOW)).toBeNull();
    expect(translator('fr').relative(NOW - 5_000, NOW)).toBe('à l’instant');
    expect(translator('en').relative(NOW - 5_000, NOW)).toBe('just now');
  });

  it('uses the largest unit that fits', () => {
    expect(formatRelativeTime('fr', NOW - 5 * MINUTE, NOW)).toBe('il y a 5 minutes');
    expect(formatRelativeTime('fr', NOW - 90 * MINUTE, NOW)).toBe('il y a 2 heures');
    expect(formatRelativeTime('fr', NOW - DAY, NOW)).toBe('hier');
    expect(formatRelativeTime('fr', NOW - 3 * DAY, NOW)).toBe('il y a 3 jours');
    expect(formatRelativeTime('en', NOW - 3 * DAY, NOW)).toBe('3 days ago');
    expect(formatRelativeTime('en', NOW - 8 * DAY, NOW)).toBe('last week');
    expect(formatRelativeTime('fr', NOW - 400 * DAY, NOW)).toBe('l’année dernière');
  });
});
