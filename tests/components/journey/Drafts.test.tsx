/**
 * Text typed in the framing card or in a stage's name and not yet written to the board survives
 * a reload: the page is gone before the field is left, and the next visit writes the draft.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentProps } from 'react';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { offlineSession, WithSession } from '../../helpers/session';
import { setFraming } from '../../../src/doc/commands';
import { readBoard } from '../../../src/doc/projection';
import { FramingPanel } from '../../../src/components/journey/FramingPanel';
import { LaneNode } from '../../../src/components/canvas/nodes/LaneNode';
import { useRestoreDrafts } from '../../../src/hooks/useRestoreDrafts';
import { createBoardReader } from '../../../src/doc/projection';

const SYNCED = { status: 'connected', synced: true, localLoaded: true } as const;

/** A second visit to the same board: a new document holding what the relay had, in sync. */
function reopen(first: ReturnType<typeof offlineSession>, update: Uint8Array) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return { ...first, doc, reader: createBoardReader(doc), connection: { ...first.connection, getState: () => SYNCED } };
}

function Restore() {
  useRestoreDrafts();
  return null;
}

describe('drafts across a reload', () => {
  it('writes the framing text typed before the reload', async () => {
    const first = offlineSession();
    const saved = Y.encodeStateAsUpdate(first.doc);
    const page = render(
      <WithSession session={first}>
        <FramingPanel />
      </WithSession>,
    );
    await userEvent.type(screen.getByRole('textbox', { name: 'Objectif' }), 'Faire passer l’abandon de panier de 72 % à 55 %');
    // The reload: the page goes without the field being left, nothing reached the relay.
    page.container.remove();

    const second = reopen(first, saved);
    render(
      <WithSession session={second}>
        <Restore />
        <FramingPanel />
      </WithSession>,
    );
    expect(readBoard(second.doc).journeys[0]!.framing.objective).toBe('Faire passer l’abandon de panier de 72 % à 55 %');
    expect(screen.getByRole('textbox', { name: 'Objectif' })).toHaveValue('Faire passer l’abandon de panier de 72 % à 55 %');
  });

  it('does not write a draft over what someone else wrote meanwhile', async () => {
    const first = offlineSession();
    const journeyId = first.journeyId;
    const page = render(
      <WithSession session={first}>
        <FramingPanel />
      </WithSession>,
    );
    await userEvent.type(screen.getByRole('textbox', { name: 'Horizon' }), 'Fin du T2');
    page.container.remove();
    // Someone else set the horizon before this person came back.
    const second = reopen(first, Y.encodeStateAsUpdate(first.doc));
    setFraming(second.doc, journeyId, 'horizon', 'Fin 2026');
    render(
      <WithSession session={second}>
        <Restore />
      </WithSession>,
    );
    expect(readBoard(second.doc).journeys[0]!.framing.horizon).toBe('Fin 2026');
  });

  it('renames the stage whose new name was being typed', async () => {
    const first = offlineSession();
    const saved = Y.encodeStateAsUpdate(first.doc);
    const stage = readBoard(first.doc).stages[0]!;
    const props = {
      data: { kind: 'stages', lane: stage, index: 0, isLast: false, cardCount: 0, editing: true, details: null },
    } as unknown as ComponentProps<typeof LaneNode>;
    const page = render(
      <WithSession session={first}>
        <LaneNode {...props} />
      </WithSession>,
    );
    const name = screen.getByRole('textbox', { name: 'Nom' });
    await userEvent.clear(name);
    await userEvent.type(name, 'Découverte de la marque');
    page.container.remove();

    const second = reopen(first, saved);
    render(
      <WithSession session={second}>
        <Restore />
      </WithSession>,
    );
    expect(readBoard(second.doc).stages[0]!.name).toBe('Découverte de la marque');
  });
});
