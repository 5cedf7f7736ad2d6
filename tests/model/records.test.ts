import { describe, expect, it } from 'vitest';
import { RECORD_KINDS, isRecordKind, keyField, recordKey } from '../../src/model/records';
import { cellId, parseCellId } from '../../src/model/layout';
import { laneCardKey } from '../../src/model/matrix';

describe('record kinds', () => {
  it('lists every kind once, parents before the records that point at them', () => {
    expect(new Set(RECORD_KINDS).size).toBe(RECORD_KINDS.length);
    expect(RECORD_KINDS.indexOf('journeys')).toBeLessThan(RECORD_KINDS.indexOf('stages'));
    expect(RECORD_KINDS.indexOf('stages')).toBeLessThan(RECORD_KINDS.indexOf('touchpoints'));
    expect(RECORD_KINDS.indexOf('touchpoints')).toBeLessThan(RECORD_KINDS.indexOf('painPoints'));
    expect(isRecordKind('laneCards')).toBe(true);
    expect(isRecordKind('comments')).toBe(false);
  });

  it('keys an emotion by its stage and every other record by its id', () => {
    expect(keyField('emotions')).toBe('stageId');
    expect(recordKey('emotions', { stageId: 's1' })).toBe('s1');
    expect(recordKey('touchpoints', { id: 't1', stageId: 's1' })).toBe('t1');
  });
});

describe('composite keys', () => {
  it('reads a cell id back into its stage and channel', () => {
    expect(parseCellId(cellId('St1_a', 'Ch-2'))).toEqual({ stageId: 'St1_a', channelId: 'Ch-2' });
    expect(parseCellId('no-bar')).toBeNull();
    expect(parseCellId('|c')).toBeNull();
    expect(parseCellId('s|')).toBeNull();
  });

  it('keys extra-row cards by row and stage, apart for each row', () => {
    expect(laneCardKey('does', 's1')).not.toBe(laneCardKey('thinks', 's1'));
    expect(laneCardKey('does', 's1')).not.toBe(laneCardKey('does', 's2'));
  });
});
