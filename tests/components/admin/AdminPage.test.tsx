import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AdminPage } from '../../../src/components/admin/AdminPage';
import { heldAdminSecret } from '../../../src/sync/admin';

const SECRET = 'S3cr3t_S3cr3t_S3cr3t_S3cr3t_S3cr3t_S3cr3t_x';
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

const board = (n: number, extra: Partial<{ title: string; protected: boolean; bytes: number }> = {}) => ({
  boardId: `board_${String(n).padStart(16, '0')}`,
  title: `Atelier ${n}`,
  lastActivity: Date.UTC(2026, 11, n, 9, 30),
  bytes: 42_000,
  protected: true,
  ...extra,
});

/** A relay that knows SECRET, serves `pages` of boards in turn and mints links; records what was asked. */
function relay(pages: ReturnType<typeof board>[][]) {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = new URL(String(input), 'http://relay');
    const auth = new Headers(init?.headers).get('Authorization');
    if (auth !== `Bearer ${SECRET}`) return json({ error: 'wrong administrator secret' }, 401);
    if (url.pathname === '/api/admin/boards') {
      const index = url.searchParams.has('after') ? Number(url.searchParams.get('after')) : 0;
      return json({ boards: pages[index] ?? [], next: index + 1 < pages.length ? String(index + 1) : null });
    }
    const minted = /^\/api\/admin\/boards\/([^/]+)\/links$/.exec(url.pathname);
    if (minted && init?.method === 'POST') return json({ token: `tok-${minted[1]}`, role: 'facilitator', expiresAt: 1 }, 201);
    return json({ error: 'not found' }, 404);
  });
}

async function signIn(secret = SECRET) {
  await userEvent.type(screen.getByLabelText('Secret administrateur'), secret);
  await userEvent.click(screen.getByRole('button', { name: 'Ouvrir' }));
}

describe('the administrator page', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    sessionStorage.clear();
  });

  it('refuses a wrong secret and keeps nothing of it', async () => {
    relay([[board(1)]]);
    render(<AdminPage />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Administration du serveur');
    expect(screen.getByText(/admin\.key/)).toBeInTheDocument();
    await signIn('not-the-secret');
    expect(await screen.findByRole('alert')).toHaveTextContent('Ce secret n’est pas le bon.');
    expect(heldAdminSecret()).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('lists every board with its title, activity, size and access, page after page, the secret in a header only', async () => {
    const fetchMock = relay([[board(3), board(2, { title: '', protected: false, bytes: 900 })], [board(1)]]);
    render(<AdminPage />);
    await signIn();
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Atelier 3', 'Sans titre']);
    expect(rows[0]).toHaveTextContent('3 déc. 2026');
    expect(rows[0]).toHaveTextContent('41 ko');
    expect(rows[0]).toHaveTextContent('par liens');
    expect(rows[1]).toHaveTextContent('0,9 ko');
    expect(rows[1]).toHaveTextContent('ouvert (l’adresse suffit)');
    await userEvent.click(screen.getByRole('button', { name: 'Tableaux suivants' }));
    expect(await within(table).findByRole('rowheader', { name: 'Atelier 1' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tableaux suivants' })).toBeNull();
    for (const [input] of fetchMock.mock.calls) expect(String(input)).not.toContain(SECRET);
    // Kept for this tab only.
    expect(heldAdminSecret()).toBe(SECRET);
    expect(localStorage.getItem('parcours.adminSecret')).toBeNull();
  });

  it('makes a facilitator link for a board, to hand to the facilitator who lost theirs', async () => {
    relay([[board(3)]]);
    render(<AdminPage />);
    await signIn();
    await userEvent.click(await screen.findByRole('button', { name: 'Créer un lien animateur pour « Atelier 3 »' }));
    const link = await screen.findByRole('textbox', { name: 'Lien animateur pour « Atelier 3 », valable 7 jours' });
    expect(link).toHaveValue(`${window.location.origin}/b/${board(3).boardId}?t=tok-${board(3).boardId}`);
  });

  it('opens straight onto the list after a reload, and asks again once the secret was rotated', async () => {
    sessionStorage.setItem('parcours.adminSecret', SECRET);
    relay([[board(1)]]);
    const { unmount } = render(<AdminPage />);
    expect(await screen.findByRole('rowheader', { name: 'Atelier 1' })).toBeInTheDocument();
    unmount();
    sessionStorage.setItem('parcours.adminSecret', 'an-old-secret');
    render(<AdminPage />);
    expect(await screen.findByLabelText('Secret administrateur')).toBeInTheDocument();
    expect(heldAdminSecret()).toBeNull();
  });

  it('says how long to wait after too many wrong secrets', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      json({ error: 'too many wrong administrator secrets from this address' }, 429, { 'Retry-After': '340' }),
    );
    render(<AdminPage />);
    await signIn();
    expect(await screen.findByRole('alert')).toHaveTextContent('Trop de secrets erronés depuis cette adresse : réessayez dans 6 min.');
  });
});
