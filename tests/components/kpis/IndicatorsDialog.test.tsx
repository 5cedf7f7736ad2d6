import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { IndicatorsButton } from '../../../src/components/kpis/IndicatorsButton';
import { KpiDialogs } from '../../../src/components/kpis/KpiDialogs';
import { addKpi } from '../../../src/doc/commands';
import { readBoard } from '../../../src/doc/projection';
import { dayFromNumber, dayNumber, dayOf } from '../../../src/model/kpi';
import { provideMetrics } from '../../../src/sync/metrics';
import { useUiStore } from '../../../src/store';
import { createMemoryMetrics } from '../../helpers/metrics';
import { WithSession, offlineSession } from '../../helpers/session';

const ago = (n: number) => dayFromNumber(dayNumber(dayOf(Date.now())) - n);

/** Renders the toolbar button and the KPI dialogs, and opens the view. */
async function openIndicators(session: ReturnType<typeof offlineSession>) {
  render(
    <WithSession session={session}>
      <IndicatorsButton />
      <KpiDialogs />
    </WithSession>,
  );
  await userEvent.click(screen.getByRole('button', { name: 'Indicateurs' }));
}

describe('the « Indicateurs » view', () => {
  afterEach(() => useUiStore.setState({ kpiDialog: null }));

  it('lists every KPI of the journey, off target then stale first, with its trend, and opens one', async () => {
    const session = offlineSession();
    const [discovery, , purchase, usage] = readBoard(session.doc).stages;
    const fine = addKpi(session.doc, session.journeyId, discovery!.id, { name: 'Trafic', target: '1000', unit: 'visites' });
    const stale = addKpi(session.doc, session.journeyId, discovery!.id, { name: 'Notoriété', target: '20', unit: '%' });
    const off = addKpi(session.doc, session.journeyId, usage!.id, { name: 'NPS', target: '40', unit: 'pts' });
    addKpi(session.doc, session.journeyId, purchase!.id, { name: 'Panier moyen', target: '', unit: '€' });
    provideMetrics(
      session,
      createMemoryMetrics({
        [fine]: [
          { date: ago(100), value: 900, source: 'feed' },
          { date: ago(3), value: 1200, source: 'feed' },
        ],
        [stale]: [{ date: ago(60), value: 25, source: 'file' }],
        [off]: [
          { date: ago(120), value: 35, source: 'crm' },
          { date: ago(1), value: 31, source: 'crm' },
        ],
      }),
    );
    await openIndicators(session);
    const table = within(screen.getByRole('dialog', { name: 'Indicateurs du parcours' })).getByRole('table', {
      name: 'Indicateurs, hors cible et périmés d’abord',
    });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [
        within(r).getByRole('rowheader').textContent,
        ...within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ]);
    expect(rows).toEqual([
      ['NPS', 'Usage & fidélisation', '✗ 31\u00A0pts (hors cible)', '40\u00A0pts', '↘ en dégradation', 'il y a 1 jour'],
      ['Notoriété', 'Découverte', '✓ 25\u202F% (dans la cible)', '20\u202F%', '—', 'il y a 60 jours◷ périmé'],
      [
        'Trafic',
        'Découverte',
        '✓ 1\u202F200\u00A0visites (dans la cible)',
        '1\u202F000\u00A0visites',
        '↗ en amélioration',
        'il y a 3 jours',
      ],
      ['Panier moyen', 'Achat', 'aucune valeur', '—', '—', '—'],
    ]);
    await userEvent.click(within(table).getByRole('button', { name: 'NPS' }));
    expect(useUiStore.getState().kpiDialog).toEqual({ kind: 'history', kpiId: off });
    expect(await screen.findByRole('dialog', { name: 'Indicateur « NPS »' })).toBeInTheDocument();
  });

  it('says a value dated after today is ahead, not « aujourd’hui »', async () => {
    const session = offlineSession();
    const [discovery] = readBoard(session.doc).stages;
    const planned = addKpi(session.doc, session.journeyId, discovery!.id, { name: 'Trafic', target: '1000', unit: 'visites' });
    provideMetrics(session, createMemoryMetrics({ [planned]: [{ date: ago(-3), value: 1100, source: 'file' }] }));
    await openIndicators(session);
    const dialog = screen.getByRole('dialog', { name: 'Indicateurs du parcours' });
    expect(await within(dialog).findByText('daté dans 3 jours')).toBeInTheDocument();
    expect(within(dialog).queryByText('aujourd’hui')).toBeNull();
  });
});
