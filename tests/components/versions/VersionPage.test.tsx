import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VersionPage } from '../../../src/components/versions/VersionPage';

describe('VersionPage', () => {
  afterEach(() => vi.restoreAllMocks());

  it('offline, says the version needs the connection rather than asking for an access link', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    render(<VersionPage boardId="Abcdefghijklmnopqrstuv" versionId="v1" />);
    expect(await screen.findByRole('heading', { name: 'Pas de connexion' })).toBeInTheDocument();
    expect(screen.getByText('Vous êtes hors ligne — réessayez une fois la connexion revenue.')).toBeInTheDocument();
    expect(screen.queryByText(/lien d’accès/)).toBeNull();
  });

  it('still says a link is needed when the relay refuses', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('', { status: 401 }));
    render(<VersionPage boardId="Abcdefghijklmnopqrstuv" versionId="v1" />);
    expect(await screen.findByRole('heading', { name: 'Un lien d’accès est nécessaire' })).toBeInTheDocument();
  });
});
