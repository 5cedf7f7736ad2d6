/**
 * The board's keys as a person presses them: every key of the card action table on a real
 * document, for someone who may edit and for a viewer; the deletion notice and its « Annuler ».
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { offlineSession, WithSession } from '../../helpers/session';
import { addTouchpoint } from '../../../src/doc/commands';
import { readBoard } from '../../../src/doc/projection';
import { DeletedCardNotice } from '../../../src/components/board/DeletedCardNotice';
import { useBoardShortcuts } from '../../../src/hooks/useBoardShortcuts';
import { BOARD_SHORTCUTS } from '../../../src/model/boardShortcuts';
import type { KeyBinding } from '../../../src/model/keys';
import { TOUCHPOINT_ACTIONS } from '../../../src/model/touchpointActions';
import type { Role } from '../../../src/model/roles';
import { useUiStore } from '../../../src/store';

/** A board with a red card in the second stage, between two cards of its cell; the red one selected. */
function boardAs(role: Role) {
  const base = offlineSession();
  const board = readBoard(base.doc);
  const [first, second] = board.stages;
  const channel = board.channels[0]!;
  const at = { journeyId: base.journeyId, stageId: second!.id, channelId: channel.id };
  addTouchpoint(base.doc, at, 'Je lis les avis', 'delight');
  const id = addTouchpoint(base.doc, at, 'Je découvre des frais cachés', 'pain');
  addTouchpoint(base.doc, at, 'Je renonce', 'pain');
  base.undo.clear();
  const session = { ...base, role };
  render(
    <WithSession session={session}>
      <Keys />
      <DeletedCardNotice />
    </WithSession>,
  );
  act(() => useUiStore.getState().select(id));
  // The whole state, deletions included (a deletion does not advance the state vector).
  const before = Y.encodeStateAsUpdate(base.doc);
  const card = () => readBoard(base.doc).touchpoints.find((t) => t.id === id);
  return { ...base, id, first: first!, card, changed: () => !sameBytes(before, Y.encodeStateAsUpdate(base.doc)) };
}

function Keys() {
  useBoardShortcuts();
  return null;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** user-event's way of writing a key binding. */
function press(binding: KeyBinding): string {
  let keys = binding.key.length === 1 ? binding.key : `{${binding.key}}`;
  if (binding.alt) keys = `{Alt>}${keys}{/Alt}`;
  if (binding.shift) keys = `{Shift>}${keys}{/Shift}`;
  if (binding.mod) keys = `{Control>}${keys}{/Control}`;
  return keys;
}

beforeEach(() => {
  useUiStore.setState({
    editing: null,
    selectedId: null,
    tool: 'select',
    panel: null,
    commentTarget: null,
    confirm: null,
    deletedCard: null,
    shortcutsOpen: false,
  });
});

describe('card keys', () => {
  const editing = TOUCHPOINT_ACTIONS.filter((a) => a.needs === 'edit');

  for (const action of editing) {
    for (const binding of action.keys) {
      it(`${press(binding)} runs « ${action.name} » for a participant and does nothing for a viewer`, async () => {
        const participant = boardAs('participant');
        await userEvent.keyboard(press(binding));
        // Editing the text changes nothing until typing: the editor opening is the effect.
        expect(participant.changed() || useUiStore.getState().editing?.kind === 'touchpoint').toBe(true);
        cleanup();
        useUiStore.setState({ editing: null });

        const viewer = boardAs('viewer');
        await userEvent.keyboard(press(binding));
        expect(viewer.changed()).toBe(false);
        expect(useUiStore.getState().editing).toBeNull();
      });
    }
  }

  it('none of the board keys that edit runs for a viewer', async () => {
    const viewer = boardAs('viewer');
    for (const shortcut of BOARD_SHORTCUTS.filter((s) => s.needs === 'edit')) {
      for (const binding of shortcut.keys) await userEvent.keyboard(press(binding));
    }
    expect(viewer.changed()).toBe(false);
    expect(useUiStore.getState().tool).toBe('select');
  });

  it('evaluates by the key marked 1, 2, 3 on a French keyboard, where it types « & », « é », « " »', () => {
    const b = boardAs('participant');
    fireEvent.keyDown(window, { key: '&', code: 'Digit1' });
    expect(b.card()?.evaluation).toBe('delight');
    fireEvent.keyDown(window, { key: '"', code: 'Digit3' });
    expect(b.card()?.evaluation).toBe('pain');
  });

  it('moves the card to the previous stage with Alt+←', async () => {
    const b = boardAs('participant');
    await userEvent.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    expect(b.card()?.stageId).toBe(b.first.id);
  });

  it('deletes the selected card with Backspace, says so, and « Annuler » brings it back', async () => {
    const b = boardAs('participant');
    await userEvent.keyboard('{Backspace}');
    expect(b.card()).toBeUndefined();
    expect(screen.getByRole('status')).toHaveTextContent('Carte supprimée');
    await userEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(b.card()?.text).toBe('Je découvre des frais cachés');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('withdraws « Annuler » once another edit is the last one to undo', async () => {
    const b = boardAs('participant');
    await userEvent.keyboard('{Delete}');
    expect(screen.getByRole('button', { name: 'Annuler' })).toBeInTheDocument();
    act(
      () =>
        void addTouchpoint(
          b.doc,
          { journeyId: b.journeyId, stageId: b.first.id, channelId: readBoard(b.doc).channels[0]!.id },
          'Je compare',
        ),
    );
    expect(screen.queryByRole('button', { name: 'Annuler' })).toBeNull();
  });
});
