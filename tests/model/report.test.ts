import { describe, expect, it } from 'vitest';
import { comparisonBase, paginateRows, rankPainPoints, reportPageSize, splitColumns, votesPerItem, wrapText } from '../../src/model/report';
import type { Journey, PainPoint, Stage } from '../../src/model/types';

const metrics = { padding: 5, gap: 2, minHeight: 20 };
const byChar = (s: string) => s.length;

describe('report layout', () => {
  it('sizes A4 and A3 landscape pages in points', () => {
    expect(reportPageSize('A4')).toEqual({ width: 841.89, height: 595.28 });
    expect(reportPageSize('A3')).toEqual({ width: 1190.55, height: 841.89 });
  });

  it('splits stages into balanced column groups that fit the page', () => {
    expect(splitColumns(5, 660, 150)).toEqual([
      { from: 0, to: 3 },
      { from: 3, to: 5 },
    ]);
    expect(splitColumns(4, 660, 150)).toEqual([{ from: 0, to: 4 }]);
    expect(splitColumns(9, 660, 150).map((s) => s.to - s.from)).toEqual([3, 3, 3]);
    expect(splitColumns(3, 100, 150)).toHaveLength(3);
    expect(splitColumns(0, 660, 150)).toEqual([]);
  });

  it('moves a row that does not fit to the next page whole', () => {
    const rows = [[[30]], [[30]], [[30]]];
    const pages = paginateRows(rows, 90, metrics);
    expect(pages.map((p) => p.map((r) => r.channel))).toEqual([[0, 1], [2]]);
    expect(pages.flat().every((r) => !r.continues && !r.continued)).toBe(true);
    expect(pages[0]![0]!.height).toBe(40);
  });

  it('cuts a row taller than a page between cards, marking both sides of the cut', () => {
    const tall = [Array.from({ length: 10 }, () => 20), [20]];
    const pages = paginateRows([tall], 100, metrics);
    const slices = pages.flat();
    expect(slices.length).toBeGreaterThan(2);
    expect(slices[0]).toMatchObject({ continues: true, continued: false });
    expect(slices.at(-1)).toMatchObject({ continues: false, continued: true });
    // Every card printed exactly once, in order, in each cell.
    const firstCell = slices.flatMap((s) => Array.from({ length: s.cells[0]!.to - s.cells[0]!.from }, (_, i) => s.cells[0]!.from + i));
    expect(firstCell).toEqual([...Array(10).keys()]);
    expect(slices.flatMap((s) => (s.cells[1]!.to > s.cells[1]!.from ? [s.cells[1]!.from] : []))).toEqual([0]);
    expect(slices.every((s) => s.height <= 100)).toBe(true);
  });

  it('gives a card taller than a page a page of its own rather than looping', () => {
    const pages = paginateRows([[[500, 10]]], 100, metrics);
    expect(pages.flat().map((s) => s.cells[0])).toEqual([
      { from: 0, to: 1 },
      { from: 1, to: 2 },
    ]);
  });

  it('wraps at spaces, keeps line breaks and cuts words wider than the line', () => {
    expect(wrapText('Je découvre la marque', 12, byChar)).toEqual(['Je découvre', 'la marque']);
    expect(wrapText('un\ndeux', 40, byChar)).toEqual(['un', 'deux']);
    expect(wrapText('abcdefghij', 4, byChar)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('', 10, byChar)).toEqual(['']);
  });

  it('ranks pain points by severity, then votes, then board order', () => {
    const pain = (id: string, severity: 1 | 2 | 3, order: string): PainPoint => ({
      id,
      journeyId: 'j',
      stageId: 's',
      text: id,
      severity,
      touchpointIds: [],
      order,
    });
    const ranked = rankPainPoints(
      [pain('a', 2, '1'), pain('b', 3, '2'), pain('c', 2, '3'), pain('d', 2, '0')],
      votesPerItem([{ targetId: 'c' }, { targetId: 'c' }, { targetId: 'a' }]),
    );
    expect(ranked.map((r) => [r.painPoint.id, r.votes])).toEqual([
      ['b', 0],
      ['c', 2],
      ['a', 1],
      ['d', 0],
    ]);
  });

  it('compares a target journey with the journey it was copied from before one of the same persona', () => {
    const journey = (id: string, kind: Journey['kind'], personaId: string | null): Journey => ({
      id,
      name: id,
      kind,
      order: id,
      personaId,
      framing: { objective: '', perimeter: '', segment: '', horizon: '', stakeholders: '' },
      extraRows: [],
    });
    const stage = (id: string, journeyId: string, sourceId?: string): Stage => ({
      id,
      journeyId,
      name: id,
      order: id,
      owner: '',
      sourceId,
    });
    const journeys = [journey('e1', 'existing', 'p'), journey('e2', 'existing', null), journey('t', 'target', 'p')];
    expect(comparisonBase({ journeys, stages: [stage('s2', 'e2'), stage('st', 't', 's2')] }, 't')).toBe('e2');
    expect(comparisonBase({ journeys, stages: [] }, 't')).toBe('e1');
    expect(comparisonBase({ journeys, stages: [] }, 'e1')).toBeNull();
    expect(comparisonBase({ journeys: [journey('t', 'target', null)], stages: [] }, 't')).toBeNull();
  });
});
