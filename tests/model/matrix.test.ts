import { describe, expect, it } from 'vitest';
import { defaultBoard } from '../../src/model/defaults';
import { cellId } from '../../src/model/layout';
import { evaluationCounts, journeyMatrix } from '../../src/model/matrix';
import type { BoardSnapshot, Touchpoint } from '../../src/model/types';
import { board as makeBoard, journey, lane } from '../helpers/records';

function tp(id: string, stageId: string, channelId: string, order: string, journeyId = 'j1'): Touchpoint {
  return { id, journeyId, stageId, channelId, text: id, evaluation: null, order, momentOfTruth: false };
}

const snapshot: BoardSnapshot = makeBoard({
  journeys: [
    journey({ id: 'j1', name: 'Existant', kind: 'existing', order: 'V' }),
    journey({ id: 'j2', name: 'Cible', kind: 'target', order: 'k' }),
  ],
  stages: [
    lane({ id: 's1', journeyId: 'j1', name: 'Découverte', order: 'F' }),
    lane({ id: 's2', journeyId: 'j1', name: 'Achat', order: 'V' }),
    lane({ id: 'sx', journeyId: 'j2', name: 'Autre', order: 'V' }),
  ],
  channels: [
    lane({ id: 'c1', journeyId: 'j1', name: 'Site web', order: 'V' }),
    lane({ id: 'cx', journeyId: 'j2', name: 'Email', order: 'V' }),
  ],
  // Already sorted by order, as readBoard returns them.
  touchpoints: [
    tp('a', 's1', 'c1', 'F'),
    tp('lostStage', 'deleted-stage', 'c1', 'G'),
    tp('b', 's1', 'c1', 'V'),
    tp('c', 's2', 'c1', 'V'),
    tp('lostChannel', 's2', 'deleted-channel', 'W'),
    tp('other', 'sx', 'cx', 'V', 'j2'),
    tp('wrongJourney', 'sx', 'cx', 'W', 'j1'),
  ],
});

describe('journeyMatrix', () => {
  const m = journeyMatrix(snapshot, 'j1');

  it('keeps only the lanes of the journey, in order', () => {
    expect(m.stages.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(m.channels.map((c) => c.id)).toEqual(['c1']);
  });

  it('groups touchpoints by cell, keeping their order', () => {
    expect(m.cellCards.get(cellId('s1', 'c1'))?.map((t) => t.id)).toEqual(['a', 'b']);
    expect(m.cellCards.get(cellId('s2', 'c1'))?.map((t) => t.id)).toEqual(['c']);
  });

  it('puts touchpoints whose stage or channel is gone in the unplaced list, never dropping them', () => {
    expect(m.unplaced.map((t) => t.id)).toEqual(['lostStage', 'lostChannel', 'wrongJourney']);
    const shown = [...m.cellCards.values()].flat().length + m.unplaced.length;
    expect(shown).toBe(snapshot.touchpoints.filter((t) => t.journeyId === 'j1').length);
  });

  it('leaves out touchpoints of other journeys', () => {
    const all = [...m.cellCards.values()].flat().concat(m.unplaced);
    expect(all.map((t) => t.id)).not.toContain('other');
    expect(
      journeyMatrix(snapshot, 'j2')
        .cellCards.get(cellId('sx', 'cx'))
        ?.map((t) => t.id),
    ).toEqual(['other']);
  });
});

describe('evaluationCounts', () => {
  it('counts touchpoints per evaluation, including unevaluated ones', () => {
    const list = [
      { ...tp('a', 's', 'c', 'V'), evaluation: 'pain' as const },
      { ...tp('b', 's', 'c', 'V'), evaluation: 'pain' as const },
      { ...tp('c', 's', 'c', 'V'), evaluation: 'delight' as const },
      tp('d', 's', 'c', 'V'),
    ];
    expect(evaluationCounts(list)).toEqual({ delight: 1, improvable: 0, pain: 2, none: 1 });
  });
});

describe('defaultBoard', () => {
  it('offers five stages and six channels in French and English', () => {
    for (const locale of ['fr', 'en'] as const) {
      const t = defaultBoard(locale);
      expect(t.stages).toHaveLength(5);
      expect(t.channels).toHaveLength(6);
    }
    expect(defaultBoard('fr').stages[0]).toBe('Découverte');
  });

  it('returns a fresh copy each time', () => {
    defaultBoard('fr').stages.push('Extra');
    expect(defaultBoard('fr').stages).toHaveLength(5);
  });
});
