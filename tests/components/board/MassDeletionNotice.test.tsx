import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { MassDeletionNotice } from '../../../src/components/board/MassDeletionNotice';
import { addTouchpoint, deleteTouchpoint } from '../../../src/doc/commands';
import { readBoard } from '../../../src/doc/projection';
import type { BoardSession } from '../../../src/sync/boardSession';
import { offlineSession, WithSession } from '../../helpers/session';

afterEach(() => vi.restoreAllMocks());

/** A facilitator's board with `count` cards, and a participant's copy of it, present as « Marie ». */
function setup(count: number, role: BoardSession['role'] = 'facilitator') {
  const session = { ...offlineSession(), role };
  const b = readBoard(session.doc);
  const ids = Array.from({ length: count }, (_, i) =>
    addTouchpoint(
      session.doc,
      { journeyId: session.journeyId, stageId: b.stages[0]!.id, channelId: b.channels[0]!.id },
      `Je fais l’étape ${i}`,
    ),
  );
  const saved = Y.encodeStateAsUpdate(session.doc); // what the relay's last version holds
  const participant = new Y.Doc();
  Y.applyUpdate(participant, saved);
  const presence = new Awareness(participant);
  presence.setLocalStateField('user', { id: 'marie-0001', name: 'Marie', color: '#2563eb', role: 'participant' });
  applyAwarenessUpdate(session.connection.awareness, encodeAwarenessUpdate(presence, [participant.clientID]), 'provider');
  render(
    <WithSession session={session}>
      <MassDeletionNotice />
    </WithSession>,
  );
  /** The participant deletes cards; the update reaches the facilitator through the network. */
  const participantDeletes = (which: string[]) =>
    act(() => {
      const before = Y.encodeStateVector(session.doc);
      for (const id of which) deleteTouchpoint(participant, id);
      Y.applyUpdate(session.doc, Y.encodeStateAsUpdate(participant, before), 'provider');
    });
  return { session, ids, saved, participantDeletes };
}

/** The relay's answers: its clock, one automatic version taken a minute ago, and that version's state. */
function relayWith(saved: Uint8Array) {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const url = String(input);
    if (url === '/api/time') return Response.json({ now: Date.now() });
    if (url.endsWith('/versions')) {
      return Response.json({
        versions: [
          { id: 'auto-version-0001', name: '', author: '', createdAt: Date.now() - 60_000, bytes: saved.byteLength, kind: 'auto' },
        ],
      });
    }
    if (url.endsWith('/versions/auto-version-0001')) return new Response(saved.slice());
    return new Response('{}', { status: 404 });
  });
}

describe('MassDeletionNotice', () => {
  it('warns the facilitator who deleted how many cards, and restores them in one click', async () => {
    const { session, ids, saved, participantDeletes } = setup(8);
    participantDeletes(ids.slice(0, 2));
    expect(screen.queryByRole('alert')).toBeNull(); // two cards of eight is tidying

    participantDeletes(ids.slice(2, 6));
    expect(screen.getByRole('alert')).toHaveTextContent('Marie vient de supprimer 6 points de contact.');
    expect(readBoard(session.doc).touchpoints).toHaveLength(2);

    relayWith(saved);
    await userEvent.click(screen.getByRole('button', { name: 'Restaurer' }));
    expect(await screen.findByRole('status')).toHaveTextContent('6 points de contact restaurés. Ctrl+Z pour annuler.');
    expect(
      readBoard(session.doc)
        .touchpoints.map((t) => t.id)
        .sort(),
    ).toEqual([...ids].sort());

    act(() => {
      session.undo.undo();
    });
    expect(readBoard(session.doc).touchpoints).toHaveLength(2);
    await userEvent.click(screen.getByRole('button', { name: 'Ignorer' }));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says when no earlier version holds the cards', async () => {
    const { ids, participantDeletes } = setup(5);
    relayWith(Y.encodeStateAsUpdate(new Y.Doc()));
    participantDeletes(ids);
    await userEvent.click(screen.getByRole('button', { name: 'Restaurer' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Aucune version enregistrée avant la suppression ne contient ces points de contact.',
    );
  });

  it('offline, says the restore needs the connection instead of « Failed to fetch »', async () => {
    const { ids, participantDeletes } = setup(5);
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    participantDeletes(ids);
    await userEvent.click(screen.getByRole('button', { name: 'Restaurer' }));
    expect(await screen.findByText('Vous êtes hors ligne — réessayez une fois la connexion revenue.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).not.toHaveTextContent(/Failed to fetch/);
    // Once the connection is back, the same button restores.
    expect(screen.getByRole('button', { name: 'Restaurer' })).toBeEnabled();
  });

  it('can be dismissed, and is not shown to participants', async () => {
    const first = setup(5);
    first.participantDeletes(first.ids);
    await userEvent.click(screen.getByRole('button', { name: 'Ignorer' }));
    expect(screen.queryByRole('alert')).toBeNull();

    const other = setup(5, 'participant');
    other.participantDeletes(other.ids);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
