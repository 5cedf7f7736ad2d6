import { describe, expect, it } from 'vitest';
import { readBoard } from '../../src/doc/projection';
import { emotionPoints, fitToPage, posterMargin, posterModel, quadrantOf, smoothPath, stripRows } from '../../src/model/poster';
import { board, journey, lane, touchpoint } from '../helpers/records';
import { richBoard } from '../helpers/richBoard';
import type { Channel, Stage } from '../../src/model/types';

describe('poster model', () => {
  it('gathers everything a printed map shows, for one journey', () => {
    const { doc, journeyId } = richBoard(30);
    const model = posterModel(readBoard(doc), journeyId, { date: '2026-11-22', version: ' v2 2026 ' });
    expect(model.title).toBe('Parcours client — abonnement');
    expect(model.journey).toEqual({ name: 'Parcours existant', kind: 'target' });
    expect(model.persona?.name).toBe('Marie');
    expect(model.version).toBe('v2 2026');
    expect(model.framing.map((f) => f.field)).toEqual(['objective', 'perimeter', 'horizon']);
    expect(model.stages.map((s) => s.name)).toEqual(['Découverte', 'Évaluation', 'Achat', 'Usage & fidélisation', 'Recommandation']);
    expect(model.rows).toEqual({ emotions: true, painPoints: true, kpis: true, owners: true, extra: ['thinks', 'opportunities'] });
    expect(model.channels.flatMap((c) => c.cells.flat())).toHaveLength(30);
    expect(model.counts).toMatchObject({ touchpoints: 30, delight: 8, improvable: 8, pain: 7, none: 7, momentsOfTruth: 3 });
    expect(model.stages[1]?.painPoints.map((p) => p.severity)).toEqual([3]);
  });

  it('lists priority actions quick wins first, then strategic projects, board-wide ones included', () => {
    const { doc, journeyId } = richBoard(0);
    const model = posterModel(readBoard(doc), journeyId, { date: '2026-11-22' });
    expect(model.actions.map((a) => [a.title, a.quadrant])).toEqual([
      ['Réduire le formulaire à 4 champs', 'quickWin'],
      ['Refondre le tunnel de paiement', 'strategic'],
      ['Former le service client', 'ifTime'],
    ]);
    expect([quadrantOf({ impact: 1, effort: 4 }), quadrantOf({ impact: 3, effort: 2 })]).toEqual(['avoid', 'quickWin']);
  });

  it('keeps cards in cell order and sets aside cards whose lane is gone', () => {
    const b = board({
      journeys: [journey({ id: 'j' })],
      stages: [lane<Stage>({ id: 's' })],
      channels: [lane<Channel>({ id: 'c' })],
      touchpoints: [touchpoint({ id: 'a', order: '1' }), touchpoint({ id: 'b', order: '2' }), touchpoint({ id: 'x', stageId: 'gone' })],
    });
    const model = posterModel(b, 'j', { date: '2026-01-01' });
    expect(model.channels[0]?.cells[0]?.map((t) => t.id)).toEqual(['a', 'b']);
    expect(model.unplaced.map((t) => t.id)).toEqual(['x']);
    expect(model.rows).toEqual({ emotions: false, painPoints: false, kpis: false, owners: false, extra: [] });
  });
});

describe('poster geometry', () => {
  it('places emotion points at stage centres, +2 at the top and −2 at the bottom', () => {
    const stages = [{ emotion: { score: 2 } }, { emotion: null }, { emotion: { score: -2 } }] as never[];
    expect(emotionPoints(stages)).toEqual([
      { x: 0.5, y: 0, score: 2, index: 0 },
      { x: 2.5, y: 1, score: -2, index: 2 },
    ]);
  });

  it('draws a smooth curve through every point, never overshooting the band', () => {
    const points = [0, 1, 2, 3].map((i) => ({ x: i + 0.5, y: [0, 1, 0, 1][i]!, score: 0, index: i }));
    const d = smoothPath(points, 4, 400, 100);
    expect(d.startsWith('M 50 0 C')).toBe(true);
    expect(d.match(/C/g)).toHaveLength(3);
    expect(d.endsWith('350 100')).toBe(true);
    const ys = [...d.matchAll(/, ?(-?[\d.]+) (-?[\d.]+)/g)].map((m) => Number(m[2]));
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ys)).toBeLessThanOrEqual(100);
    expect(smoothPath([], 4, 400, 100)).toBe('');
  });

  it('scales the content to fill the page inside the margins, centred', () => {
    const page = { width: 14043, height: 9933 };
    const margin = posterMargin(page);
    expect(margin).toBe(248);
    const fit = fitToPage({ width: 5000, height: 2500 }, page, margin);
    expect(fit.scale).toBeCloseTo((14043 - 2 * 248) / 5000);
    expect(fit.x).toBeCloseTo(248);
    expect(fit.y).toBeGreaterThan(248);
  });

  it('cuts the page into strips of at most 16 M pixels', () => {
    expect(stripRows(14043, 9933)).toBe(1139);
    expect(stripRows(1000, 500)).toBe(500);
  });
});
