import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ActionCard } from '../../../src/components/actions/ActionCard';
import { ActionLinks } from '../../../src/components/actions/ActionLinks';
import { addAction, addKpi, addPainPoint, deleteKpi } from '../../../src/doc/commands';
import { readBoard } from '../../../src/doc/projection';
import { roots } from '../../../src/doc/schema';
import type { MetricPoint } from '../../../src/model/metrics';
import type { BoardSession } from '../../../src/sync/boardSession';
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
    // An action from before actions were dated: its trend is the quarter's, and it says so.
    roots(session.doc).actions.get(actionId)!.delete('createdAt');
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
      'Taux de conversion ✗ 2,6 % (hors cible) ↗ en amélioration sur le dernier trimestre',
    );
    expect(screen.getByTitle(/Action créée avant que Parcours date les actions/)).toBeInTheDocument();
    act(() => deleteKpi(session.doc, kpiId));
    expect(action().links).toEqual([]);
  });

  describe('since the action was created', () => {
    const MARCH_12 = new Date(2026, 2, 12, 10).getTime();
    const p = (date: string, value: number): MetricPoint => ({ date, value, source: 'typed' });

    function cardOf(
      series: MetricPoint[],
      direction: 'up' | 'down' = 'up',
      session: BoardSession & { journeyId: string } = offlineSession(),
    ) {
      const stage = readBoard(session.doc).stages[2]!;
      const kpiId = addKpi(session.doc, session.journeyId, stage.id, { name: 'NPS', target: '40', unit: '', direction });
      const actionId = addAction(session.doc, { journeyId: session.journeyId, title: 'Rappeler sous 24 h' });
      const record = roots(session.doc).actions.get(actionId)!;
      expect(record.get('createdAt')).toEqual(expect.any(Number));
      record.set('createdAt', MARCH_12);
      record.set('links', [kpiId]);
      provideMetrics(session, createMemoryMetrics({ [kpiId]: series }));
      render(
        <WithSession session={session}>
          <ActionCard action={readBoard(session.doc).actions.find((a) => a.id === actionId)!} onEdit={() => {}} />
        </WithSession>,
      );
      return screen.getByRole('list', { name: 'Indicateurs visés' });
    }

    it('goes from the value when the action was created to the latest one, the arrow coloured by the KPI’s good way', () => {
      const list = cardOf([p('2026-02-28', 31), p('2026-03-31', 33), p('2026-04-30', 36)]);
      expect(list).toHaveTextContent(/31 → 36 depuis la création de l’action \(12 mars( 2026)?\), en amélioration/);
      expect(within(list).getByText('→')).toHaveClass('kpi-trend--better');
    });

    it('colours the arrow as worse when a lower value is better', () => {
      const list = cardOf([p('2026-02-28', 31), p('2026-04-30', 36)], 'down');
      expect(list).toHaveTextContent('en dégradation');
      expect(within(list).getByText('→')).toHaveClass('kpi-trend--worse');
    });

    it('says so when no value came since the creation', () => {
      const list = cardOf([p('2026-01-31', 28), p('2026-02-28', 31)]);
      expect(list).toHaveTextContent(/aucune valeur depuis la création de l’action \(12 mars/);
      expect(list).not.toHaveTextContent('trimestre');
    });

    it('reads the whole series when the summary does not reach back to the creation', async () => {
      // 100 daily values from 1 March: the summary's 60 begin after the 12th.
      const daily = Array.from({ length: 100 }, (_, i) => p(new Date(Date.UTC(2026, 2, 1 + i)).toISOString().slice(0, 10), 10 + i));
      const list = cardOf(daily);
      expect(list).toHaveTextContent('lecture des valeurs depuis la création');
      expect(await within(list).findByText(/depuis la création de l’action \(12 mars/)).toBeInTheDocument();
      expect(list).toHaveTextContent(/21 → 109 depuis/);
    });
  });
});
