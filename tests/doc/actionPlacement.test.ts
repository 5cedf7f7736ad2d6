import { describe, expect, it } from 'vitest';
import { addAction, updateAction } from '../../src/doc/commands';
import { readBoard } from '../../src/doc/projection';
import { roots } from '../../src/doc/schema';
import { placementOf } from '../../src/model/actions';
import { readBoardFile } from '../../src/model/fileReader';
import { newBoard } from '../helpers/boardDoc';

describe('placing an action on the impact / effort matrix', () => {
  it('starts a new action unplaced, and scoring it places it', () => {
    const { doc } = newBoard();
    const id = addAction(doc, { title: 'Chat en direct' });
    expect(placementOf(readBoard(doc).actions[0]!)).toBe('unplaced');
    updateAction(doc, id, { effort: 4 });
    expect(readBoard(doc).actions[0]).toMatchObject({ placed: true, effort: 4 });
    expect(placementOf(readBoard(doc).actions[0]!)).toBe('avoid');
    updateAction(doc, id, { placed: false });
    expect(placementOf(readBoard(doc).actions[0]!)).toBe('unplaced');
  });

  it('places an action given its scores at once', () => {
    const { doc } = newBoard();
    addAction(doc, { title: 'Rappeler sous 24 h', impact: 4, effort: 1 });
    expect(placementOf(readBoard(doc).actions[0]!)).toBe('quickWins');
  });

  it('reads an action saved before placement existed as placed where its scores put it', () => {
    const { doc } = newBoard();
    const id = addAction(doc, { title: 'Ancienne', impact: 4, effort: 4 });
    roots(doc).actions.get(id)!.delete('placed');
    expect(readBoard(doc).actions[0]).toMatchObject({ placed: true });
  });

  it('keeps the placement through a board file, and reads files without it as placed', () => {
    const base = { format: 'parcours.board', version: 1, schemaVersion: 2, meta: { title: 'T' } };
    const action = { id: 'a', title: 'Agir', impact: 4, effort: 1 };
    const read = (a: object) => {
      const r = readBoardFile({ ...base, records: { actions: [a] } });
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      return r.content.records.actions[0]!;
    };
    expect(read(action).placed).toBe(true);
    expect(read({ ...action, placed: false }).placed).toBe(false);
  });
});
