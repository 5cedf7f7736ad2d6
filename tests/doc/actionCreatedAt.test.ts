import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addAction, initBoard, updateAction } from '../../src/doc/commands';
import { readBoard } from '../../src/doc/projection';
import { roots } from '../../src/doc/schema';
import { defaultBoard } from '../../src/model/defaults';

function board() {
  const doc = new Y.Doc();
  initBoard(doc, defaultBoard('fr'));
  return doc;
}

describe('an action’s creation time', () => {
  afterEach(() => vi.useRealTimers());

  it('is set when the action is added and kept by every later edit', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 2, 12, 10));
    const doc = board();
    const id = addAction(doc, { title: 'Rappeler sous 24 h' });
    const created = new Date(2026, 2, 12, 10).getTime();
    expect(readBoard(doc).actions[0]!.createdAt).toBe(created);
    vi.setSystemTime(new Date(2026, 5, 1));
    updateAction(doc, id, { title: 'Rappeler sous 4 h', status: 'doing', impact: 4 });
    expect(readBoard(doc).actions[0]!.createdAt).toBe(created);
  });

  it('is absent for an action of an older board, and for a value that is no time', () => {
    const doc = board();
    const id = addAction(doc, { title: 'Ancienne action' });
    const record = roots(doc).actions.get(id)!;
    record.delete('createdAt');
    expect(readBoard(doc).actions[0]).not.toHaveProperty('createdAt');
    record.set('createdAt', 'hier');
    expect(readBoard(doc).actions[0]).not.toHaveProperty('createdAt');
  });
});
