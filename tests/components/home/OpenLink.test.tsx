import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { HomePage } from '../../../src/components/home/HomePage';
import { pathWithLinkToken } from '../../../src/sync/access';

const BOARD = 'Abcdefghijklmnopqrstuv';

describe('opening a board from a pasted link', () => {
  it('keeps the share link’s token, without which the board would not open', async () => {
    render(<HomePage />);
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Lien ou identifiant du tableau' }),
      `https://parcours.example/b/${BOARD}?t=eyJiIjoi.c2lnbmF0dXJl`,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Ouvrir' }));
    expect(`${window.location.pathname}${window.location.search}`).toBe(`/b/${BOARD}?t=eyJiIjoi.c2lnbmF0dXJl`);
  });

  it('reads the token wherever it sits in the query, and opens a bare id or address as it is', () => {
    expect(pathWithLinkToken(BOARD, `http://x/b/${BOARD}?j=journey1&t=a.b#top`)).toBe(`/b/${BOARD}?t=a.b`);
    expect(pathWithLinkToken(BOARD, `  http://x/b/${BOARD}?t=a%2Bb  `)).toBe(`/b/${BOARD}?t=a%2Bb`);
    expect(pathWithLinkToken(BOARD, BOARD)).toBe(`/b/${BOARD}`);
    expect(pathWithLinkToken(BOARD, `http://x/b/${BOARD}?t=`)).toBe(`/b/${BOARD}`);
    expect(pathWithLinkToken(BOARD, `http://x/b/${BOARD}#t=a.b`)).toBe(`/b/${BOARD}`);
  });
});
