import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Poster } from '../../../src/components/export/poster/Poster';
import { readBoard } from '../../../src/doc/projection';
import { translator } from '../../../src/i18n';
import { posterModel } from '../../../src/model/poster';
import { richBoard } from '../../helpers/richBoard';

function renderPoster(stages?: { from: number; to: number }) {
  const { doc, journeyId } = richBoard(30);
  const board = readBoard(doc);
  const model = posterModel(board, journeyId, { date: '2026-11-22', stages });
  const { container } = render(<Poster model={model} t={translator('fr')} locale="fr" transparent={false} />);
  return { board, model, poster: container.querySelector<HTMLElement>('.poster')! };
}

describe('the poster', () => {
  it('counts in its header the pain points its Irritants row lists, and the red cards apart', () => {
    const { model, poster } = renderPoster();
    const redCards = model.channels.flatMap((c) => c.cells.flat()).filter((t) => t.evaluation === 'pain').length;
    const listed = poster.querySelectorAll('.p-cell--pain .p-pain').length;
    expect(listed).toBe(2);
    expect(redCards).toBe(7);
    const figures = poster.querySelector<HTMLElement>('.p-head__figures')!;
    expect(figures).toHaveTextContent(`${listed} irritants`);
    expect(figures).toHaveTextContent(`${redCards} cartes rouges`);
    expect(figures).not.toHaveTextContent(`${redCards} irritants`);
  });

  it('says which stages a poster printed in parts holds', () => {
    const { poster } = renderPoster({ from: 2, to: 3 });
    expect(within(poster).getByText('Étapes 2 à 3 sur 5')).toBeInTheDocument();
    expect(poster.querySelectorAll('.p-stage')).toHaveLength(2);
  });

  it('keeps the actions not placed yet apart from the quadrants', () => {
    const { doc, journeyId } = richBoard(0);
    const board = readBoard(doc);
    const withNew = { ...board, actions: [...board.actions, { ...board.actions[0]!, id: 'new', title: 'Chat en direct', placed: false }] };
    render(<Poster model={posterModel(withNew, journeyId, { date: '2026-11-22' })} t={translator('fr')} locale="fr" transparent={false} />);
    const group = screen.getByRole('heading', { name: 'Pas encore placées' }).parentElement!;
    expect(group).toHaveTextContent('Chat en direct');
    expect(group).not.toHaveTextContent('Impact');
    expect(screen.getByRole('heading', { name: 'Gains rapides · à faire maintenant' }).parentElement).not.toHaveTextContent(
      'Chat en direct',
    );
  });
});
