import { describe, expect, it } from 'vitest';
import { crmStageNames, guessStageMapping, monthEnd, pipelineMetrics, type StageEntry } from '../../src/model/crmPipeline';

const mapping = { 'Lead qualifié': 'L', Démo: 'D', 'Proposition envoyée': 'P', Gagné: 'G' };
const order = ['L', 'D', 'P', 'G'];
const e = (deal: string, crmStage: string, date: string): StageEntry => ({ deal, crmStage, date });

// Five deals, worked out by hand below.
const entries: StageEntry[] = [
  e('A', 'Lead qualifié', '2025-01-05'),
  e('A', 'Démo', '2025-01-15'),
  e('A', 'Proposition envoyée', '2025-02-01'),
  e('A', 'Gagné', '2025-02-20'),
  e('B', 'Lead qualifié', '2025-01-10'),
  e('B', 'Démo', '2025-01-30'),
  e('B', 'Perdu', '2025-02-05'),
  e('C', 'Lead qualifié', '2025-01-20'),
  // D skips the demo; E enters the demo twice (its first entry counts).
  e('D', 'Lead qualifié', '2025-02-03'),
  e('D', 'Proposition envoyée', '2025-02-13'),
  e('D', 'Gagné', '2025-03-01'),
  e('E', 'Lead qualifié', '2025-02-10'),
  e('E', 'Démo', '2025-02-20'),
  e('E', 'Démo', '2025-02-12'),
];

describe('CRM pipeline metrics', () => {
  it('counts the deals entering each stage per month, the share going on, and the median days before the next stage', () => {
    const m = pipelineMetrics(entries, mapping, order);
    // Lead, January: A, B, C enter; A goes on after 10 days, B after 20, C stays → 2/3, median 15.
    // Lead, February: D (on to the proposal after 10 days), E (demo after 2 days) → 100 %, median 6.
    expect(m.L).toEqual({
      volume: [
        { date: '2025-01-31', value: 3 },
        { date: '2025-02-28', value: 2 },
      ],
      conversion: [
        { date: '2025-01-31', value: 66.7 },
        { date: '2025-02-28', value: 100 },
      ],
      medianDays: [
        { date: '2025-01-31', value: 15 },
        { date: '2025-02-28', value: 6 },
      ],
    });
    // Demo, January: A (proposal 17 days later), B (lost: « Perdu » is not mapped) → 50 %, median 17.
    // Demo, February: E alone, still there → 0 %, no median.
    expect(m.D).toEqual({
      volume: [
        { date: '2025-01-31', value: 2 },
        { date: '2025-02-28', value: 1 },
      ],
      conversion: [
        { date: '2025-01-31', value: 50 },
        { date: '2025-02-28', value: 0 },
      ],
      medianDays: [{ date: '2025-01-31', value: 17 }],
    });
    // Proposal, February: A (won 19 days later), D (won 16 days later) → 100 %, median 17.5.
    expect(m.P).toEqual({
      volume: [{ date: '2025-02-28', value: 2 }],
      conversion: [{ date: '2025-02-28', value: 100 }],
      medianDays: [{ date: '2025-02-28', value: 17.5 }],
    });
    // The last stage has volumes only.
    expect(m.G).toEqual({
      volume: [
        { date: '2025-02-28', value: 1 },
        { date: '2025-03-31', value: 1 },
      ],
      conversion: [],
      medianDays: [],
    });
  });

  it('ignores stages left unmapped and stages of other journeys; the last mapped stage converts to nothing', () => {
    const m = pipelineMetrics(entries, { 'Lead qualifié': 'L', Gagné: 'elsewhere' }, order);
    expect(Object.keys(m)).toEqual(['L']);
    expect(m.L).toEqual({
      volume: [
        { date: '2025-01-31', value: 3 },
        { date: '2025-02-28', value: 2 },
      ],
      conversion: [],
      medianDays: [],
    });
    // Without « Gagné », the proposal is the last stage mapped.
    const upToProposal = pipelineMetrics(entries, { 'Lead qualifié': 'L', Démo: 'D', 'Proposition envoyée': 'P' }, order);
    expect(upToProposal.P).toEqual({ volume: [{ date: '2025-02-28', value: 2 }], conversion: [], medianDays: [] });
  });

  it('dates a month by its last day, leap years included', () => {
    expect(monthEnd('2024-02-10')).toBe('2024-02-29');
    expect(monthEnd('2025-12-01')).toBe('2025-12-31');
  });

  it('remembers a mapping, else maps names that match the board’s stages', () => {
    const stages = [
      { id: 'L', name: 'Lead qualifié' },
      { id: 'D', name: 'Démo' },
      { id: 'P', name: 'Proposition' },
    ];
    expect(crmStageNames(entries)).toEqual(['Lead qualifié', 'Démo', 'Proposition envoyée', 'Gagné', 'Perdu']);
    expect(guessStageMapping(crmStageNames(entries), stages, { 'Proposition envoyée': 'P', Gagné: 'deleted' })).toEqual({
      'Lead qualifié': 'L',
      Démo: 'D',
      'Proposition envoyée': 'P',
    });
    expect(guessStageMapping(['LEAD QUALIFIE', 'demo'], stages)).toEqual({ 'LEAD QUALIFIE': 'L', demo: 'D' });
  });
});
