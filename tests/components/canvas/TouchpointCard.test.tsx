import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { TouchpointCard, type TouchpointCardProps } from '../../../src/components/canvas/TouchpointCard';
import type { OfferedAction } from '../../../src/hooks/useTouchpointActions';
import { TOUCHPOINT_ACTIONS, type TouchpointActionName } from '../../../src/model/touchpointActions';
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
    onStartEditing: vi.fn(),
    onStopEditing: vi.fn(),
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

  it('shows the offered actions above the selected card, pressed state and key included', async () => {
    const ran: TouchpointActionName[] = [];
    const actions: OfferedAction[] = TOUCHPOINT_ACTIONS.map((action) => ({
      action,
      pressed: action.pressed?.(touchpoint) ?? false,
      run: () => ran.push(action.name),
    }));
    renderCard({ selected: true, actions });
    expect(screen.getByRole('button', { name: 'Irritant' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Enchantement' })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('button', { name: 'Enchantement' })).toHaveAttribute('title', 'Enchantement (1)');
    expect(screen.getByRole('button', { name: 'Supprimer le point de contact' })).toHaveAttribute(
      'title',
      'Supprimer le point de contact (Suppr)',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Enchantement' }));
    await userEvent.click(screen.getByRole('button', { name: 'Supprimer le point de contact' }));
    expect(ran).toEqual(['evaluateDelight', 'delete']);
    // Keys only: no button for reordering or clearing.
    expect(screen.queryByRole('button', { name: 'Monter dans la cellule' })).toBeNull();
  });

  it('shows no toolbar on a card that is not selected', () => {
    renderCard({ actions: TOUCHPOINT_ACTIONS.map((action) => ({ action, pressed: false, run: () => {} })) });
    expect(screen.queryByRole('toolbar')).toBeNull();
  });

  it('starts editing on double-click', async () => {
    const handlers = renderCard();
    await userEvent.dblClick(screen.getByRole('article'));
    expect(handlers.onStartEditing).toHaveBeenCalled();
  });
});
