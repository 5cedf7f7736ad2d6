import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StageDetailsLine } from '../../../src/components/journey/StageDetailsLine';
import type { StageDetails } from '../../../src/canvas/matrixNodes';
import type { Kpi } from '../../../src/model/types';
import { useUiStore } from '../../../src/store';

const kpi = (name: string, current: string, target: string, unit: string): Kpi => ({ id: name, journeyId: 'j', stageId: 's', name, current, currentDate: '', target, unit, direction: 'up', refreshDays: 35, order: 'a' });

function show(details: StageDetails) {
  return render(<StageDetailsLine owner="" details={details} name="Achat" stageId="s" />);
}

describe('StageDetailsLine', () => {
  afterEach(() => useUiStore.setState({ locale: 'fr' }));

  it('writes a KPI value and its unit apart, the French way', () => {
    show({ kpis: [kpi('Délai', '9', '5', 'jours'), kpi('NPS', '12', '30', 'pts')], health: null });
    expect(screen.getByText(/Délai/).textContent).toBe('Délai 9\u00A0jours → 5\u00A0jours');
    expect(screen.getByText(/NPS/).textContent).toBe('NPS 12\u00A0pts → 30\u00A0pts');
  });

  it('writes a decimal KPI with a comma in French and a point in English', () => {
    const details = { kpis: [kpi('CES', '5.8', '', '/7')], health: null };
    const { unmount } = show(details);
    expect(screen.getByText(/CES/)).toHaveTextContent(/^CES 5,8\/7$/);
    unmount();
    useUiStore.setState({ locale: 'en' });
    show(details);
    expect(screen.getByText(/CES/)).toHaveTextContent(/^CES 5\.8\/7$/);
  });

  it('says how many touchpoints of each colour, singular for one', () => {
    show({ kpis: [], health: { stageId: 's', delight: 1, improvable: 0, pain: 2, none: 0, total: 3, contradiction: false } });
    expect(screen.getByRole('img', { name: '1 vert et 2 rouges' })).toBeInTheDocument();
  });
});
