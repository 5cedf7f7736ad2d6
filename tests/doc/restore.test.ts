import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addTouchpoint, deleteLane, renameBoard, restoreVersion, setTouchpointText } from '../../src/doc/commands';
import { readBoard } from '../../src/doc/projection';
import { createUndoManager } from '../../src/doc/undo';
import { diffBoards, isEmptyDiff } from '../../src/model/boardDiff';
import { newBoard } from '../helpers/boardDoc';

describe('restoring a version', () => {
  it('brings the board back to the saved state as one undoable change, and the diff tells what changed', () => {
    const { doc, journeyId } = newBoard();
    const b = readBoard(doc);
    const card = addTouchpoint(doc, { journeyId, stageId: b.stages[0]!.id, channelId: b.channels[0]!.id }, 'Je compare');
    const saved = Y.encodeStateAsUpdate(doc);
    const savedBoard = readBoard(doc);
    // Work goes on after the version.
    setTouchpointText(doc, card, 'Je compare les prix');
    deleteLane(doc, 'stages', b.stages[4]!.id);
    renameBoard(doc, 'Après atelier');
    addTouchpoint(doc, { journeyId, stageId: b.stages[1]!.id, channelId: b.channels[1]!.id }, 'Je note');
    const version = new Y.Doc();
    Y.applyUpdate(version, saved);
    const diff = diffBoards(readBoard(version), readBoard(doc));
    expect(diff.touchpoints).toEqual({
      added: ['Je note'],
      removed: [],
      changed: [
        { id: card, label: 'Je compare les prix', fields: [{ field: 'text', before: 'Je compare', after: 'Je compare les prix' }] },
      ],
    });
    expect(diff.stages.removed).toEqual(['Recommandation']);
    const undo = createUndoManager(doc);
    restoreVersion(doc, version);
    expect(readBoard(doc)).toEqual(savedBoard);
    expect(isEmptyDiff(diffBoards(readBoard(version), readBoard(doc)))).toBe(true);
    undo.undo();
    expect(readBoard(doc).meta.title).toBe('Après atelier');
    expect(readBoard(doc).touchpoints).toHaveLength(2);
  });
});
