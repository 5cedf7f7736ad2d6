import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { HomePage } from '../../../src/components/home/HomePage';
import { useUiStore } from '../../../src/store';
import { loadRecentBoards, rememberBoard } from '../../../src/sync/recentBoards';

const DAY = 24 * 3600 * 1000;
const A = 'aaaaaaaaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbbbbbbbb';

function twoWorkshops() {
  // Two boards with the same title: only what is kept with each entry tells them apart.
  rememberBoard({
    id: A,
    title: 'Atelier',
    lastOpened: Date.now() - 3 * DAY,
    journeys: 1,
    touchpoints: 1,
    grid: [
      [1, 0],
      [0, 0],
      [0, 0],
    ],
  });
  rememberBoard({
    id: B,
    title: 'Atelier',
    lastOpened: Date.now() - 5 * 60_000,
    journeys: 3,
    touchpoints: 14,
    grid: [
      [2, 1, 0, 3],
      [0, 4, 1, 0],
    ],
  });
}

const items = () => within(screen.getByRole('list')).getAllByRole('listitem');

describe('the recent boards', () => {
  afterEach(() => useUiStore.setState({ locale: 'fr' }));

  it('tells boards apart: journeys, touchpoints, when last opened in words, and a drawing of the matrix', () => {
    twoWorkshops();
    render(<HomePage />);
    const [newest, older] = items();
    expect(newest).toHaveTextContent('3 parcours · 14 points de contact · ouvert il y a 5 minutes');
    expect(older).toHaveTextContent('1 parcours · 1 point de contact · ouvert il y a 3 jours');
    expect(within(newest!).getByRole('img', { name: 'Aperçu de la matrice : 4 étapes × 2 canaux' })).toBeInTheDocument();
    expect(within(older!).getByRole('img', { name: 'Aperçu de la matrice : 2 étapes × 3 canaux' })).toBeInTheDocument();
  });

  it('says the same in English', () => {
    twoWorkshops();
    useUiStore.setState({ locale: 'en' });
    render(<HomePage />);
    expect(items()[1]).toHaveTextContent('1 journey · 1 touchpoint · opened 3 days ago');
  });

  it('forgets a board in this browser only, says so, and can put it back', async () => {
    twoWorkshops();
    render(<HomePage />);
    await userEvent.click(within(items()[1]!).getByRole('button', { name: 'Oublier « Atelier » dans ce navigateur' }));
    expect(items()).toHaveLength(1);
    expect(loadRecentBoards().map((b) => b.id)).toEqual([B]);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent(
      '« Atelier » est retiré de cette liste. Le tableau n’est pas supprimé : seul ce navigateur l’a oublié.',
    );
    const undo = within(status).getByRole('button', { name: 'Annuler' });
    expect(undo).toHaveFocus();

    await userEvent.click(undo);
    expect(items()).toHaveLength(2);
    expect(items()[1]).toHaveTextContent('1 parcours · 1 point de contact');
    expect(loadRecentBoards().map((b) => b.id)).toEqual([B, A]);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('still lists a board remembered before counts were kept, with its date only', () => {
    localStorage.setItem(
      'parcours.recentBoards',
      JSON.stringify([{ id: A, title: 'Ancien', lastOpened: Date.now() - DAY, grid: 'not a grid' }]),
    );
    render(<HomePage />);
    expect(items()[0]).toHaveTextContent(/^Ancien\s*ouvert hier/);
    expect(within(items()[0]!).queryByRole('img')).toBeNull();
  });
});
