import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { TouchpointCard, type TouchpointCardProps } from '../../../src/components/canvas/TouchpointCard';
import type { Touchpoint } from '../../../src/model/types';

const touchpoint: Touchpoint = {
  id: 't1',
  journeyId: 'j',
  stageId: 's',
  channelId: 'c',
  text: 'Je remplis le formulaire de devis',
  evaluation: 'pain',
  order: '1',
  momentOfTruth: false,
};

function renderCard(props: Partial<TouchpointCardProps> = {}) {
  const handlers = {
    onTextChange: vi.fn(),
    onEvaluate: vi.fn(),
    onStartEditing: vi.fn(),
    onStopEditing: vi.fn(),
    onDelete: vi.fn(),
  };
  render(<TouchpointCard touchpoint={touchpoint} selected={false} editing={false} {...handlers} {...props} />);
  return handlers;
}

describe('TouchpointCard', () => {
  it('shows the text and the evaluation by word and symbol, in its accessible name', () => {
    renderCard();
    const card = screen.getByRole('article', { name: 'Point de contact : Je remplis le formulaire de devis — Irritant' });
    expect(card).toHaveTextContent('Je remplis le formulaire de devis');
    expect(card).toHaveTextContent('Irritant');
    expect(card).toHaveTextContent('✕');
    expect(card.className).toContain('touchpoint--pain');
  });

  it('shows an unevaluated card as such', () => {
    renderCard({ touchpoint: { ...touchpoint, evaluation: null, text: '' } });
    expect(screen.getByRole('article')).toHaveAccessibleName('Point de contact : Je… — Non évalué');
  });

  it('sends each change of the text while editing', async () => {
    const handlers = renderCard({ editing: true, touchpoint: { ...touchpoint, text: 'Je' } });
    const box = screen.getByRole('textbox', { name: 'Texte du point de contact' });
    expect(box).toHaveFocus();
    await userEvent.type(box, 'x');
    expect(handlers.onTextChange).toHaveBeenLastCalledWith('Jex');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(handlers.onStopEditing).toHaveBeenCalled();
  });

  it('offers the three evaluations, pressed state included, when selected', async () => {
    const handlers = renderCard({ selected: true });
    expect(screen.getByRole('button', { name: 'Irritant' })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(screen.getByRole('button', { name: 'Enchantement' }));
    expect(handlers.onEvaluate).toHaveBeenCalledWith('delight');
    await userEvent.click(screen.getByRole('button', { name: 'Irritant' }));
    expect(handlers.onEvaluate).toHaveBeenCalledWith(null);
    await userEvent.click(screen.getByRole('button', { name: 'Supprimer le point de contact' }));
    expect(handlers.onDelete).toHaveBeenCalled();
  });

  it('starts editing on double-click', async () => {
    const handlers = renderCard();
    await userEvent.dblClick(screen.getByRole('article'));
    expect(handlers.onStartEditing).toHaveBeenCalled();
  });
});
