import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { VersionsPanel } from '../../../src/components/versions/VersionsPanel';
import { addTouchpoint } from '../../../src/doc/commands';
import { readBoard } from '../../../src/doc/projection';
import { offlineSession, WithSession } from '../../helpers/session';

const OFFLINE = 'Vous êtes hors ligne — réessayez une fois la connexion revenue.';
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

function show(session = offlineSession()) {
  render(
    <WithSession session={session}>
      <VersionsPanel />
    </WithSession>,
  );
}

describe('VersionsPanel', () => {
  afterEach(() => vi.restoreAllMocks());

  it('says the list is loading, not that there is no version, until the relay answers', async () => {
    let answer: (r: Response) => void = () => {};
    vi.spyOn(globalThis, 'fetch').mockReturnValue(new Promise((resolve) => (answer = resolve)));
    show();
    expect(screen.getByRole('status')).toHaveTextContent('Chargement des versions…');
    expect(screen.queryByText(/Aucune version enregistrée/)).toBeNull();
    answer(json({ versions: [] }));
    expect(await screen.findByText(/Aucune version enregistrée/)).toBeInTheDocument();
    expect(screen.queryByText('Chargement des versions…')).toBeNull();
  });

  it('offline, says so once and how to go on, without claiming there is no version', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    show();
    expect(await screen.findByRole('alert')).toHaveTextContent(OFFLINE);
    expect(screen.queryByText(/Failed to fetch/)).toBeNull();
    expect(screen.queryByText(/Impossible de charger/)).toBeNull();
    expect(screen.queryByText(/Aucune version enregistrée/)).toBeNull();
  });

  it('lists the versions once « Réessayer » reaches the relay', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockRejectedValueOnce(new TypeError('Failed to fetch'));
    show();
    await screen.findByRole('alert');
    fetchMock.mockResolvedValueOnce(
      json({ versions: [{ id: 'v1', name: 'v1 2024', author: 'Léa', createdAt: Date.UTC(2024, 5, 1), bytes: 10 }] }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByText('v1 2024')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('counts what changed since a version in words that agree with the count', async () => {
    const session = offlineSession();
    const saved = Y.encodeStateAsUpdate(session.doc);
    const b = readBoard(session.doc);
    addTouchpoint(
      session.doc,
      { journeyId: session.journeyId, stageId: b.stages[0]!.id, channelId: b.channels[0]!.id },
      'Je découvre la marque',
    );
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) =>
      String(input).endsWith('/versions/v1')
        ? new Response(saved.slice())
        : json({ versions: [{ id: 'v1', name: 'v1 2024', author: 'Léa', createdAt: Date.UTC(2024, 5, 1), bytes: 10 }] }),
    );
    show(session);
    await userEvent.click(await screen.findByRole('button', { name: 'Comparer' }));
    const region = await screen.findByRole('region', { name: 'Depuis « v1 2024 »' });
    expect(region).toHaveTextContent('Points de contact : 1 ajout (Je découvre la marque)');
  });

  it('says why when the relay refuses to save a version, in words of saving', async () => {
    vi.spyOn(globalThis, 'fetch')
      .mockResolvedValueOnce(json({ versions: [] }))
      .mockResolvedValueOnce(new Response(JSON.stringify({ error: 'too many versions' }), { status: 429 }));
    show();
    await screen.findByText(/Aucune version enregistrée/);
    await userEvent.type(screen.getByRole('textbox', { name: 'Nom de la version' }), 'après l’atelier');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer une version' }));
    expect(await screen.findByText('Impossible d’enregistrer la version : too many versions')).toBeInTheDocument();
  });
});
