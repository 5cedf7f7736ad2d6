import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addKpi, initBoard } from '../../src/doc/commands';
import { readBoard } from '../../src/doc/projection';
import { roots } from '../../src/doc/schema';
import { createUndoManager } from '../../src/doc/undo';
import { defaultBoard } from '../../src/model/defaults';
import { moveTypedValues, typedValues } from '../../src/sync/metricsLegacy';
import { createMemoryMetrics } from '../helpers/metrics';

function boardWithTypedValues() {
  const doc = new Y.Doc();
  const { journeyId } = initBoard(doc, defaultBoard('fr'))!;
  const stage = readBoard(doc).stages[2]!.id;
  const conversion = addKpi(doc, journeyId, stage, { name: 'Conversion', current: '2,1', target: '3', unit: '%' });
  const mood = addKpi(doc, journeyId, stage, { name: 'Humeur', current: 'bonne', target: '', unit: '' });
  const empty = addKpi(doc, journeyId, stage, { name: 'NPS', target: '40', unit: 'pts' });
  roots(doc).kpis.get(conversion)!.set('currentDate', '2025-06-15');
  return { doc, conversion, mood, empty };
}

describe('values typed before the history', () => {
  it('moves a numeric one into the series at its date, clears it, and keeps a text as written', async () => {
    const { doc, conversion, mood } = boardWithTypedValues();
    const undo = createUndoManager(doc);
    const metrics = createMemoryMetrics();
    expect(typedValues(doc)).toEqual([{ kpiId: conversion, date: '2025-06-15', value: 2.1 }]);
    expect(await moveTypedValues(doc, metrics)).toBe(1);
    expect(metrics.seriesOf(conversion)).toEqual([{ date: '2025-06-15', value: 2.1, source: 'typed' }]);
    const kpis = readBoard(doc).kpis;
    expect(kpis.find((k) => k.id === conversion)).toMatchObject({ current: '', currentDate: '' });
    expect(kpis.find((k) => k.id === mood)).toMatchObject({ current: 'bonne' });
    expect(undo.canUndo()).toBe(false);
    expect(await moveTypedValues(doc, metrics)).toBe(0);
  });

  it('keeps the value in the document when the relay cannot take it', async () => {
    const { doc, conversion } = boardWithTypedValues();
    const metrics = createMemoryMetrics();
    metrics.offline = true;
    expect(await moveTypedValues(doc, metrics)).toBe(0);
    expect(readBoard(doc).kpis.find((k) => k.id === conversion)).toMatchObject({ current: '2,1', currentDate: '2025-06-15' });
  });
});
