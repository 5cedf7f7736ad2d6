import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentProps } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConfirmDialog } from '../../../src/components/ui/ConfirmDialog';
import { LaneNode } from '../../../src/components/canvas/nodes/LaneNode';
import { addTouchpoint } from '../../../src/doc/commands';
import { readBoard } from '../../../src/doc/projection';
import { useUiStore } from '../../../src/store';
import { offlineSession, WithSession } from '../../helpers/session';

function setup(withCard: boolean) {
  const session = offlineSession();
  const board = readBoard(session.doc);
  const stage = board.stages[0]!;
  if (withCard)
    addTouchpoint(session.doc, { journeyId: session.journeyId, stageId: stage.id, channelId: board.channels[0]!.id }, 'Je cherche');
  const props = {
    data: { kind: 'stages', lane: stage, index: 0, isLast: false, cardCount: withCard ? 1 : 0, editing: false },
  } as unknown as ComponentProps<typeof LaneNode>;
  render(
    <WithSession session={session}>
      <LaneNode {...props} />
      <ConfirmDialog />
    </WithSession>,
  );
  return { session, stage };
}

describe('LaneNode', () => {
  beforeEach(() => useUiStore.setState({ confirm: null, editing: null }));

  it('asks before deleting a stage that holds touchpoints, and deletes on confirmation', async () => {
    const { session, stage } = setup(true);
    await userEvent.click(screen.getByRole('button', { name: 'Supprimer l’étape « Découverte »' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Confirmer la suppression' });
    expect(dialog).toHaveTextContent('Supprimer l’étape « Découverte » et son point de contact ?');
    expect(readBoard(session.doc).stages.map((s) => s.id)).toContain(stage.id);
    await userEvent.click(screen.getByRole('button', { name: 'Supprimer' }));
    expect(readBoard(session.doc).stages.map((s) => s.id)).not.toContain(stage.id);
    expect(readBoard(session.doc).touchpoints).toHaveLength(0);
  });

  it('keeps everything when the confirmation is cancelled', async () => {
    const { session } = setup(true);
    await userEvent.click(screen.getByRole('button', { name: 'Supprimer l’étape « Découverte »' }));
    await userEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(readBoard(session.doc).touchpoints).toHaveLength(1);
  });

  it('deletes an empty stage at once (it stays undoable)', async () => {
    const { session, stage } = setup(false);
    await userEvent.click(screen.getByRole('button', { name: 'Supprimer l’étape « Découverte »' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(readBoard(session.doc).stages.map((s) => s.id)).not.toContain(stage.id);
    session.undo.undo();
    expect(readBoard(session.doc).stages.map((s) => s.id)).toContain(stage.id);
  });

  it('moves a stage right and renames it in place', async () => {
    const { session, stage } = setup(false);
    await userEvent.click(screen.getByRole('button', { name: 'Déplacer l’étape « Découverte » vers la droite' }));
    expect(readBoard(session.doc).stages[1]!.id).toBe(stage.id);
    await userEvent.click(screen.getByRole('button', { name: 'Renommer l’étape « Découverte »' }));
    expect(useUiStore.getState().editing).toEqual({ kind: 'stages', id: stage.id });
  });
});
