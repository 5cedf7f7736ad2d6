import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { UndoButtons } from '../../../src/components/board/UndoButtons';
import { addTouchpoint } from '../../../src/doc/commands';
import { allTouchpoints } from '../../../src/doc/read';
import { readBoard } from '../../../src/doc/projection';
import { offlineSession, WithSession } from '../../helpers/session';

describe('UndoButtons', () => {
  it('are off until there is something of mine to undo, then undo and redo it', async () => {
    const session = offlineSession();
    render(
      <WithSession session={session}>
        <UndoButtons />
      </WithSession>,
    );
    const undo = screen.getByRole('button', { name: 'Annuler' });
    const redo = screen.getByRole('button', { name: 'Rétablir' });
    expect(undo).toBeDisabled();
    expect(redo).toBeDisabled();
    const cards = () => allTouchpoints(session.doc).length;
    const before = cards();
    const board = readBoard(session.doc);
    const stageId = board.stages.find((s) => s.journeyId === session.journeyId)!.id;
    const channelId = board.channels.find((c) => c.journeyId === session.journeyId)!.id;
    act(() => void addTouchpoint(session.doc, { journeyId: session.journeyId, stageId, channelId }, 'Je paie'));
    expect(cards()).toBe(before + 1);
    expect(undo).toBeEnabled();
    await userEvent.click(undo);
    expect(cards()).toBe(before);
    expect(redo).toBeEnabled();
    await userEvent.click(redo);
    expect(cards()).toBe(before + 1);
  });
});
