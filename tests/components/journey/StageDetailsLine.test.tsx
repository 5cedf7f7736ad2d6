import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StageDetailsLine } from '../../../src/components/journey/StageDetailsLine';
import type { StageDetails } from '../../../src/canvas/matrixNodes';
import { dayFromNumber, dayNumber, dayOf } from '../../../src/model/kpi';
import type { MetricPoint } from '../../../src/model/metrics';
import type { Kpi } from '../../../src/model/types';
import { provideMetrics } from '../../../src/sync/metrics';
import { useUiStore } from '../../../src/store';
import { createMemoryMetrics } from '../../helpers/metrics';
import { WithSession, offlineSession } from '../../helpers/session';

const kpi = (id: string, name: string, target: string, unit: string, more: Partial<Kpi> = {}): Kpi => ({
  id,
  journeyId: 'j',
  stageId: 's',
  name,
  current: '',
  currentDate: '',
  target,
  unit,
  direction: 'up',
  refreshDays: 35,
  order: 'a',
  ...more,
});
const daysAgo = (n: number) => dayFromNumber(dayNumber(dayOf(Date.now())) - n);
const point = (ago: number, value: number): MetricPoint => ({ date: daysAgo(ago), value, source: 'feed' });

function show(details: StageDetails, series: Record<string, MetricPoint[]> = {}) {
  const session = offlineSession();
  provideMetrics(session, createMemoryMetrics(series));
  return render(
    <WithSession session={session}>
      <StageDetailsLine owner="" details={details} name="Achat" stageId="s" />
    </WithSession>,
  );
}

describe('StageDetailsLine', () => {
  afterEach(() => useUiStore.setState({ locale: 'fr' }));

  it('shows a KPI’s latest value against its target by symbol and words, with its age', () => {
    show(
      { kpis: [kpi('k1', 'NPS', '40', 'pts'), kpi('k2', 'Délai', '48', 'heures', { direction: 'down' })], health: null },
      { k1: [point(40, 31), point(5, 34.5)], k2: [point(2, 36)] },
    );
    const nps = screen.getByRole('button', { name: /^NPS/ });
    expect(nps).toHaveAccessibleName('NPS : 34,5\u00A0pts, hors cible, il y a 5 jours. Ouvrir l’historique');
    expect(nps).toHaveTextContent('✗');
    expect(nps).toHaveClass('kpi-chip--off');
    const delay = screen.getByRole('button', { name: /^Délai/ });
    expect(delay).toHaveAccessibleName('Délai : 36\u00A0heures, dans la cible, il y a 2 jours. Ouvrir l’historique');
    expect(delay).toHaveTextContent('✓');
  });

  it('marks a value older than the expected refresh as stale, and a KPI without values as such', () => {
    show({ kpis: [kpi('k1', 'CSAT', '80', '%', { refreshDays: 8 }), kpi('k2', 'CES', '', '/7')], health: null }, { k1: [point(12, 82)] });
    const csat = screen.getByRole('button', { name: /^CSAT/ });
    expect(csat.getAttribute('aria-label')).toMatch(/Valeur périmée : plus vieille que le rafraîchissement attendu \(8 jours\)$/);
    expect(csat).toHaveTextContent('◷');
    expect(screen.getByRole('button', { name: 'CES : aucune valeur. Ouvrir l’historique' })).toHaveTextContent('—');
  });

  it('writes decimals the English way in English, and counts the KPIs not shown', () => {
    useUiStore.setState({ locale: 'en' });
    const kpis = [kpi('k1', 'CES', '5', '/7'), kpi('k2', 'NPS', '', ''), kpi('k3', 'CSAT', '', ''), kpi('k4', 'Churn', '', '')];
    show({ kpis, health: null }, { k1: [point(0, 5.8)] });
    expect(screen.getByRole('button', { name: /^CES/ })).toHaveAccessibleName('CES: 5.8/7, on target, today. Open its history');
    expect(screen.getByRole('button', { name: '+2 KPIs' })).toBeInTheDocument();
  });

  it('says how many touchpoints of each colour, singular for one, and how the stage fares', () => {
    show({ kpis: [], health: { stageId: 's', delight: 1, improvable: 0, pain: 2, none: 0, total: 3, contradiction: false } });
    expect(screen.getByRole('img', { name: '1 vert et 2 rouges ; étape en difficulté' })).toBeInTheDocument();
  });

  it('warns when most KPIs are off target while the cards are green, and counts them in the health', () => {
    const green = { stageId: 's', delight: 3, improvable: 1, pain: 0, none: 0, total: 4, contradiction: false };
    const kpis = [kpi('k1', 'NPS', '40', 'pts'), kpi('k2', 'CSAT', '80', '%'), kpi('k3', 'CES', '5', '/7')];
    show({ kpis, health: green }, { k1: [point(3, 31)], k2: [point(3, 70)], k3: [point(3, 6)] });
    expect(
      screen.getByRole('img', { name: '3 verts et 1 orange ; Indicateurs : 1 dans la cible, 2 hors cible ; étape à surveiller' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'Attention : la plupart des indicateurs sont hors cible alors que la plupart des points de contact sont verts.',
      }),
    ).toBeInTheDocument();
  });

  it('shows no KPI warning when the KPIs agree with green cards', () => {
    const green = { stageId: 's', delight: 3, improvable: 0, pain: 0, none: 0, total: 3, contradiction: false };
    show({ kpis: [kpi('k1', 'NPS', '40', 'pts')], health: green }, { k1: [point(3, 45)] });
    expect(screen.queryByRole('img', { name: /la plupart des indicateurs sont hors cible/ })).toBeNull();
    expect(screen.getByRole('img', { name: /étape en bonne santé$/ })).toBeInTheDocument();
  });

  it('shows the funnel toward the next stage from the KPIs a CRM import made, apart from the chips', () => {
    const kpis = [
      kpi('v', 'Volume entrant', '', 'affaires', { metric: 'volume' }),
      kpi('c', 'Conversion vers l’étape suivante', '', '%', { metric: 'conversion' }),
      kpi('m', 'Temps médian', '', 'jours', { metric: 'medianDays', direction: 'down' }),
    ];
    show(
      { kpis, health: null },
      {
        v: [{ date: '2025-01-31', value: 3, source: 'crm' }],
        c: [{ date: '2025-01-31', value: 66.7, source: 'crm' }],
        m: [{ date: '2025-01-31', value: 10, source: 'crm' }],
      },
    );
    const funnel = screen.getByRole('img', { name: 'Entonnoir : 3 entrées dans l’étape en janvier 2025, 66,7 % passent à la suite' });
    expect(funnel).toHaveTextContent('▸ 3');
    expect(screen.queryByRole('button', { name: /^Volume entrant/ })).toBeNull();
    expect(screen.getByRole('button', { name: /^Temps médian : 10\u00A0jours/ })).toBeInTheDocument();
  });
});
