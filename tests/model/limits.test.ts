import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/model/cardFilters';
import {
  RECORD_TEXT_FIELDS,
  TEXT_LIMITS,
  clampEmotion,
  clampScore,
  clampSeverity,
  cutText,
  dueDateOrNone,
  isDueDate,
  isOverLimit,
  limitEdit,
  limitText,
} from '../../src/model/limits';
import { RECORD_KINDS } from '../../src/model/records';
import type { BoardSnapshot } from '../../src/model/types';
import { board, journey, kpi, lane, touchpoint } from '../helpers/records';

describe('text limits', () => {
  it('cuts a text to the limit, never between the halves of an emoji', () => {
    expect(cutText('abcdef', 4)).toBe('abcd');
    expect(cutText('abc', 4)).toBe('abc');
    expect(cutText('ab🎉cd', 3)).toBe('ab');
    expect(cutText('ab🎉cd', 4)).toBe('ab🎉');
    expect(limitText('touchpointText', 'x'.repeat(62_000))).toHaveLength(TEXT_LIMITS.touchpointText);
    expect(isOverLimit('laneName', 'x'.repeat(81))).toBe(true);
    expect(isOverLimit('laneName', 'x'.repeat(80))).toBe(false);
  });

  it('lets an edit grow a text only up to its limit', () => {
    const max = TEXT_LIMITS.touchpointText;
    expect(limitEdit('touchpointText', 'Je', 'Je paie')).toBe('Je paie');
    expect(limitEdit('touchpointText', 'x'.repeat(max), 'x'.repeat(max) + 'y')).toHaveLength(max);
    expect(limitEdit('touchpointText', '', 'y'.repeat(62_000))).toBe('y'.repeat(max));
  });

  it('never cuts an older, longer text that an edit shortens or keeps the same length', () => {
    const old = 'a'.repeat(2000);
    expect(limitEdit('touchpointText', old, old.slice(1))).toBe(old.slice(1));
    expect(limitEdit('touchpointText', old, `b${old.slice(1)}`)).toBe(`b${old.slice(1)}`);
    // Growing it is refused past what it already had.
    expect(limitEdit('touchpointText', old, `${old}zz`)).toBe(old);
  });

  it('names the kind of every text field of every record kind', () => {
    const snapshot: BoardSnapshot = board({
      journeys: [journey({ id: 'j' })],
      stages: [lane({ id: 's' })],
      channels: [lane({ id: 'c' })],
      touchpoints: [touchpoint({ id: 't' })],
      personas: [{ id: 'p', name: '', role: '', description: '', goals: '', frustrations: '', avatar: '', order: '1' }],
      kpis: [kpi({ id: 'k', name: '' })],
      emotions: [{ stageId: 's', journeyId: 'j', score: 0, words: '' }],
      painPoints: [{ id: 'pp', journeyId: 'j', stageId: 's', text: '', severity: 2, touchpointIds: [], order: '1' }],
      laneCards: [{ id: 'l', journeyId: 'j', stageId: 's', row: 'does', text: '', order: '1' }],
      actions: [
        {
          id: 'a',
          journeyId: null,
          title: '',
          owner: '',
          due: '',
          status: 'todo',
          impact: 2,
          effort: 2,
          links: [],
          order: '1',
        } as unknown as BoardSnapshot['actions'][number],
      ],
      views: [{ id: 'v', name: '', journeyId: 'j', rect: { x: 0, y: 0, width: 1, height: 1 }, filters: NO_FILTERS, order: '1' }],
    });
    // Ids, references, order keys and words chosen from a list are not free text.
    const notText = new Set([
      'id',
      'journeyId',
      'stageId',
      'channelId',
      'personaId',
      'sourceId',
      'order',
      'kind',
      'evaluation',
      'row',
      'due',
      'status',
      'direction',
      'currentDate',
      // A saved view's rectangle and filters are numbers, flags and ids.
      'rect',
      'filters',
    ]);
    for (const kind of RECORD_KINDS) {
      const record = snapshot[kind][0] as unknown as Record<string, unknown>;
      const texts = Object.keys(record).filter(
        (k) =>
          !notText.has(k) &&
          (typeof record[k] === 'string' || (typeof record[k] === 'object' && record[k] !== null && !Array.isArray(record[k]))),
      );
      expect(Object.keys(RECORD_TEXT_FIELDS[kind]).sort(), kind).toEqual(texts.sort());
    }
  });
});

describe('validators', () => {
  it('reads a due date as YYYY-MM-DD or none', () => {
    expect(isDueDate('2026-03-31')).toBe(true);
    expect(isDueDate('31/03/2026')).toBe(false);
    expect(isDueDate(20260331)).toBe(false);
    expect(dueDateOrNone('2026-03-31')).toBe('2026-03-31');
    expect(dueDateOrNone('demain')).toBe('');
    expect(dueDateOrNone(undefined)).toBe('');
  });

  it('rounds and clamps scores, with a default for what is not a number', () => {
    expect(clampEmotion(7)).toBe(2);
    expect(clampEmotion(-1.6)).toBe(-2);
    expect(clampEmotion('x')).toBe(0);
    expect(clampScore(0)).toBe(1);
    expect(clampScore(3.4)).toBe(3);
    expect(clampScore(Number.NaN)).toBe(2);
    expect(clampSeverity(9)).toBe(3);
    expect(clampSeverity(null)).toBe(2);
  });
});
