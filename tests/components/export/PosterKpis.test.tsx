import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Poster } from '../../../src/components/export/poster/Poster';
import { addKpi } from '../../../src/doc/commands';
import { readBoard } from '../../../src/doc/projection';
import { translator } from '../../../src/i18n';
import { posterModel } from '../../../src/model/poster';
import { provideMetrics } from '../../../src/sync/metrics';
import { createMemoryMetrics } from '../../helpers/metrics';
import { WithSession, offlineSession } from '../../helpers/session';

describe('KPIs on the poster', () => {
  it('print their latest value against the target by symbol and word, its day and its trend', () => {
    const session = offlineSession();
    const stage = readBoard(session.doc).stages[2]!;
    const kpiId = addKpi(session.doc, session.journeyId, stage.id, { name: 'Taux de conversion', target: '3', unit: '%' });
    provideMetrics(
      session,
      createMemoryMetrics({
        [kpiId]: [
          { date: '2025-01-31', value: 2.1, source: 'crm' },
          { date: '2025-06-30', value: 3.2, source: 'crm' },
        ],
      }),
    );
    const model = posterModel(readBoard(session.doc), session.journeyId, { date: '2026-11-22' });
    const { container } = render(
      <WithSession session={session}>
        <Poster model={model} t={translator('fr')} locale="fr" transparent={false} />
      </WithSession>,
    );
    const kpi = container.querySelector('.p-kpi')!;
    expect(kpi.textContent).toBe('Taux de conversion✓ 3,2\u202F% (dans la cible, 30/06/2025) ↗ en amélioration → objectif 3\u202F%');
    expect(kpi.querySelector('svg.sparkline polyline')).not.toBeNull();
  });
});
