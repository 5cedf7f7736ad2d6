import { describe, expect, it } from 'vitest';
import { readBoard } from '../../src/doc/projection';
import { emotionPoints, fitToPage, posterMargin, posterModel, smoothPath, stripRows } from '../../src/model/poster';
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
    // Red cards and written pain points are two figures: the Irritants row holds the latter.
    expect(model.counts.painPoints).toBe(model.stages.reduce((n, s) => n + s.painPoints.length, 0));
    expect(model.counts.painPoints).toBe(readBoard(doc).painPoints.filter((p) => p.journeyId === journeyId).length);
    expect(model.part).toBeNull();
    expect(model.stages[1]?.painPoints.map((p) => p.severity)).toEqual([3]);
  });

  it('lists priority actions quick wins first, then strategic projects, board-wide ones included, the unplaced ones last', () => {
    const { doc, journeyId } = richBoard(0);
    const snapshot = readBoard(doc);
    const withNew = {
      ...snapshot,
      actions: [...snapshot.actions, { ...snapshot.actions[0]!, id: 'new', title: 'Nouvelle idée', placed: false }],
    };
    const model = posterModel(withNew, journeyId, { date: '2026-11-22' });
    expect(model.actions.map((a) => [a.title, a.quadrant])).toEqual([
      ['Réduire le formulaire à 4 champs', 'quickWins'],
      ['Refondre le tunnel de paiement', 'strategic'],
      ['Former le service client', 'ifTime'],
      ['Nouvelle idée', 'unplaced'],
    ]);
  });

  it('holds only the stages asked for, with their cards, pain points and figures', () => {
    const { doc, journeyId } = richBoard(30);
    const snapshot = readBoard(doc);
    const whole = posterModel(snapshot, journeyId, { date: '2026-11-22' });
    const part = posterModel(snapshot, journeyId, { date: '2026-11-22', stages: { from: 2, to: 3 } });
    expect(part.stages.map((s) => s.name)).toEqual(['Évaluation', 'Achat']);
    expect(part.part).toEqual({ from: 2, to: 3, of: 5 });
    expect(part.channels.every((c) => c.cells.length === 2)).toBe(true);
    const cards = whole.channels.flatMap((c) => c.cells.slice(1, 3).flat());
    expect(part.counts.touchpoints).toBe(cards.length);
    expect(part.counts.pain).toBe(cards.filter((t) => t.evaluation === 'pain').length);
    expect(part.counts.painPoints).toBe(whole.stages[1]!.painPoints.length + whole.stages[2]!.painPoints.length);
    // A range covering every stage, or past the ends, is the whole poster or clamped.
    expect(posterModel(snapshot, journeyId, { date: '2026-11-22', stages: { from: 1, to: 5 } }).part).toBeNull();
    expect(posterModel(snapshot, journeyId, { date: '2026-11-22', stages: { from: 4, to: 99 } }).part).toEqual({ from: 4, to: 5, of: 5 });
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
