import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addKpi, initBoard } from '../../src/doc/commands';
import { readBoard } from '../../src/doc/projection';
import { defaultBoard } from '../../src/model/defaults';
import { boardFile, boardFileJson } from '../../src/model/fileExport';
import { readBoardFileText } from '../../src/model/fileReader';
import type { MetricPoint } from '../../src/model/metrics';

function boardWithKpis() {
  const doc = new Y.Doc();
  const { journeyId } = initBoard(doc, defaultBoard('fr'))!;
  const stage = readBoard(doc).stages[2]!.id;
  const kept = addKpi(doc, journeyId, stage, { name: 'Conversion', target: '3', unit: '%' });
  return { board: readBoard(doc), kept };
}

const series: MetricPoint[] = [
  { date: '2025-01-31', value: 2.1, source: 'file' },
  { date: '2025-02-28', value: -0.5, source: 'feed' },
  { date: '2025-03-31', value: 1e12, source: 'crm' },
];

describe('KPI series in board files', () => {
  it('go through JSON and back unchanged, for the exported KPIs only', () => {
    const { board, kept } = boardWithKpis();
    const file = boardFile(board, {
      exportedAt: '2026-12-02T00:00:00Z',
      metrics: { [kept]: series, deleted: [{ date: '2025-01-31', value: 1, source: 'typed' }] },
    });
    expect(Object.keys(file.metrics!)).toEqual([kept]);
    const read = readBoardFileText(boardFileJson(file));
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.content.metrics).toEqual({ [kept]: series });
  });

  it('reads files without values, drops values of KPIs the file does not keep, and refuses malformed ones by path', () => {
    const { board, kept } = boardWithKpis();
    const plain = JSON.parse(boardFileJson(boardFile(board, { exportedAt: 'x' }))) as Record<string, unknown>;
    expect(plain.metrics).toBeUndefined();
    const read = readBoardFileText(
      JSON.stringify({
        ...plain,
        metrics: {
          [kept]: [
            ['2025-01-31', 2, 'file'],
            ['2025-01-31', 3, 'file'],
          ],
          ghost: [['2025-01-31', 1, 'file']],
        },
      }),
    );
    expect(read.ok && read.content.metrics).toEqual({ [kept]: [{ date: '2025-01-31', value: 3, source: 'file' }] });
    const bad = readBoardFileText(
      JSON.stringify({
        ...plain,
        metrics: {
          [kept]: [
            ['31/01/2025', 2, 'file'],
            ['2025-02-28', 'deux', 'file'],
            ['2025-03-31', 1, 'guess'],
          ],
        },
      }),
    );
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.issues.map((i) => [i.path, i.problem])).toEqual([
      [`metrics.${kept}[0][0]`, 'badDate'],
      [`metrics.${kept}[1][1]`, 'wrongType'],
      [`metrics.${kept}[2][2]`, 'notOneOf'],
    ]);
  });
});
