import { render, screen, within } from '@testing-library/react';
import type { NodeProps } from '@xyflow/react';
import { describe, expect, it, vi } from 'vitest';
import type { CompareSummaryFlowNode } from '../../../src/canvas/matrixNodes';
import { TouchpointCard } from '../../../src/components/canvas/TouchpointCard';
import { CompareSummaryNode } from '../../../src/components/canvas/nodes/CompareSummaryNode';
import { compareJourneys } from '../../../src/model/compare';
import { board, journey, lane, touchpoint } from '../../helpers/records';

// The existing journey and its target copy, where one card was rewritten AND re-evaluated.
const snapshot = board({
  journeys: [journey({ id: 'ex', name: 'Existant' }), journey({ id: 'tg', name: 'Cible', kind: 'target' })],
  stages: [lane({ id: 's', journeyId: 'ex', name: 'Achat' }), lane({ id: 's2', journeyId: 'tg', name: 'Achat', sourceId: 's' })],
  channels: [lane({ id: 'c', journeyId: 'ex', name: 'Site web' }), lane({ id: 'c2', journeyId: 'tg', name: 'Site web', sourceId: 'c' })],
  touchpoints: [
    touchpoint({
      id: 'fees',
      journeyId: 'ex',
      stageId: 's',
      channelId: 'c',
      text: 'Je découvre des frais au paiement',
      evaluation: 'pain',
    }),
    touchpoint({ id: 'quote', journeyId: 'ex', stageId: 's', channelId: 'c', text: 'Je demande un devis', evaluation: 'improvable' }),
    touchpoint({
      id: 'fees2',
      journeyId: 'tg',
      stageId: 's2',
      channelId: 'c2',
      text: 'Je vois le prix total dès le panier',
      evaluation: 'delight',
      sourceId: 'fees',
    }),
    touchpoint({
      id: 'quote2',
      journeyId: 'tg',
      stageId: 's2',
      channelId: 'c2',
      text: 'Je reçois mon devis en 5 minutes',
      evaluation: 'improvable',
      sourceId: 'quote',
    }),
  ],
});
const comparison = compareJourneys(snapshot, 'ex', 'tg');
const handlers = { onTextChange: vi.fn(), onEvaluate: vi.fn(), onStartEditing: vi.fn(), onStopEditing: vi.fn(), onDelete: vi.fn() };

describe('compare mode', () => {
  it('shows a card rewritten and re-evaluated as both, with its old wording and rating', () => {
    const card = snapshot.touchpoints.find((t) => t.id === 'fees2')!;
    render(
      <TouchpointCard touchpoint={card} selected={false} editing={false} change={comparison.byTouchpoint.get('fees2')} {...handlers} />,
    );
    const article = screen.getByRole('article', { name: /Je vois le prix total/ });
    expect(article).toHaveAccessibleName(
      'Point de contact : Je vois le prix total dès le panier — Enchantement — Réévalué — Reformulé — avant : Irritant — avant : « Je découvre des frais au paiement »',
    );
    expect(within(article).getByText('Réévalué')).toBeVisible();
    expect(within(article).getByText('Reformulé')).toBeVisible();
    expect(article).toHaveTextContent('avant : ✕ Irritant · « Je découvre des frais au paiement »');
  });

  it('lists every change with old → new text and rating, counting a card both reworded and re-evaluated under both', () => {
    const props = {
      data: { changes: comparison.changes, baseName: 'Existant', otherName: 'Cible' },
    } as unknown as NodeProps<CompareSummaryFlowNode>;
    render(<CompareSummaryNode {...props} />);
    const summary = screen.getByRole('region', { name: 'Changements de « Existant » à « Cible »' });
    expect(summary).toHaveTextContent('0 ajouté · 0 retiré · 1 réévalué · 2 reformulés');
    const items = within(summary).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    const fees = items.find((li) => li.textContent?.includes('Je vois le prix total'))!;
    expect(fees).toHaveTextContent('Texte : « Je découvre des frais au paiement » → « Je vois le prix total dès le panier »');
    expect(fees).toHaveTextContent('Évaluation : ✕ Irritant → ✓ Enchantement');
    const quote = items.find((li) => li.textContent?.includes('Je reçois mon devis'))!;
    expect(quote).toHaveTextContent('Texte : « Je demande un devis » → « Je reçois mon devis en 5 minutes »');
    expect(quote).not.toHaveTextContent('Évaluation');
  });
});
