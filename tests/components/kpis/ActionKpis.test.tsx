import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ActionCard } from '../../../src/components/actions/ActionCard';
import { ActionLinks } from '../../../src/components/actions/ActionLinks';
import { addAction, addKpi, addPainPoint, deleteKpi } from '../../../src/doc/commands';
import { readBoard } from '../../../src/doc/projection';
import { provideMetrics } from '../../../src/sync/metrics';
import { createMemoryMetrics } from '../../helpers/metrics';
import { WithSession, offlineSession } from '../../helpers/session';

describe('actions aimed at KPIs', () => {
  it('ties an action to the KPIs it should move; its card shows where each stands and its trend', async () => {
    const session = offlineSession();
    const stage = readBoard(session.doc).stages[2]!;
    addPainPoint(session.doc, session.journeyId, stage.id, { text: 'Frais cachés', severity: 3, touchpointIds: [] });
    const kpiId = addKpi(session.doc, session.journeyId, stage.id, { name: 'Taux de conversion', target: '3', unit: '%' });
    const actionId = addAction(session.doc, { journeyId: session.journeyId, title: 'Afficher les frais dès la fiche produit' });
    provideMetrics(
      session,
      createMemoryMetrics({
        [kpiId]: [
          { date: '2025-01-31', value: 2.1, source: 'crm' },
          { date: '2025-06-30', value: 2.6, source: 'crm' },
        ],
      }),
    );
    const action = () => readBoard(session.doc).actions.find((a) => a.id === actionId)!;
    const view = render(
      <WithSession session={session}>
        <ActionLinks action={action()} journeyId={session.journeyId} />
      </WithSession>,
    );
    await userEvent.click(
      within(screen.getByRole('group', { name: 'Indicateurs qu’elle doit faire bouger' })).getByRole('checkbox', {
        name: /Taux de conversion/,
      }),
    );
    expect(action().links).toEqual([kpiId]);
    view.unmount();
    render(
      <WithSession session={session}>
        <ActionCard action={action()} onEdit={() => {}} />
      </WithSession>,
    );
    expect(screen.getByRole('list', { name: 'Indicateurs visés' })).toHaveTextContent(
      'Taux de conversion ✗ 2,6 % (hors cible) ↗ en amélioration',
    );
    act(() => deleteKpi(session.doc, kpiId));
    expect(action().links).toEqual([]);
  });
});
