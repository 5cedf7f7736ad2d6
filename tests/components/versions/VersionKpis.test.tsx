import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { VersionsPanel } from '../../../src/components/versions/VersionsPanel';
import { addKpi, deleteKpi } from '../../../src/doc/commands';
import { readBoard } from '../../../src/doc/projection';
import { summarize, type MetricPoint } from '../../../src/model/metrics';
import { provideMetrics } from '../../../src/sync/metrics';
import { createMemoryMetrics } from '../../helpers/metrics';
import { offlineSession, WithSession } from '../../helpers/session';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
const p = (date: string, value: number): MetricPoint => ({ date, value, source: 'typed' });
const SAVED_AT = Date.UTC(2026, 1, 1);
/** A list item's text, its narrow and no-break spaces (between a number and its unit) read as spaces. */
const text = (li: HTMLElement) => (li.textContent ?? '').replace(/[\u00A0\u202F]/g, ' ');

/** A board with a version saved before a KPI was added and another removed; the relay answers the values as of the version with `then`. */
function boardSinceVersion(then: Record<string, MetricPoint[]> | 'offline') {
  const session = offlineSession();
  const stage = readBoard(session.doc).stages[2]!;
  const nps = addKpi(session.doc, session.journeyId, stage.id, { name: 'NPS', target: '40', unit: '' });
  const delay = addKpi(session.doc, session.journeyId, stage.id, { name: 'Délai de réponse', target: '2', unit: 'j', direction: 'down' });
  const bounce = addKpi(session.doc, session.journeyId, stage.id, { name: 'Taux de rebond', target: '30', unit: '%' });
  const saved = Y.encodeStateAsUpdate(session.doc);
  deleteKpi(session.doc, bounce);
  const csat = addKpi(session.doc, session.journeyId, stage.id, { name: 'CSAT', target: '4,5', unit: '' });
  const ids = { nps, delay, bounce, csat };
  const asked: string[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const url = String(input);
    asked.push(url);
    if (url.endsWith('/versions/v1')) return new Response(saved.slice());
    if (url.includes('/metrics')) {
      if (then === 'offline') throw new TypeError('Failed to fetch');
      const series = Object.fromEntries(Object.entries(then).map(([k, v]) => [ids[k as keyof typeof ids], v]));
      return json({ summary: Object.fromEntries(Object.entries(series).map(([k, v]) => [k, summarize(v)])) });
    }
    return json({ versions: [{ id: 'v1', name: 'v1 2026', author: 'Léa', createdAt: SAVED_AT, bytes: 10 }] });
  });
  provideMetrics(
    session,
    createMemoryMetrics({
      [nps]: [p('2026-01-31', 31), p('2026-03-31', 36)],
      [delay]: [p('2026-01-31', 3), p('2026-03-31', 4)],
      [csat]: [p('2026-03-31', 4.2)],
    }),
  );
  render(
    <WithSession session={session}>
      <VersionsPanel />
    </WithSession>,
  );
  return asked;
}

describe('comparing a version with the board: the KPIs', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists each KPI that moved since the version, then → now with its target, and those added and removed', async () => {
    const asked = boardSinceVersion({ nps: [p('2026-01-31', 31)], delay: [p('2026-01-31', 3)], bounce: [p('2026-01-31', 41)] });
    await userEvent.click(await screen.findByRole('button', { name: 'Comparer' }));
    const section = await screen.findByRole('region', { name: 'Indicateurs' });
    const items = await within(section).findAllByRole('listitem');
    expect(items.map(text)).toEqual([
      'NPS (Achat) : 31 ↗ 36, en amélioration · cible 40',
      'Délai de réponse (Achat) : 3 j ↘ 4 j, en dégradation · cible 2 j',
      'CSAT (Achat) : ajouté · 4,2 · cible 4,5',
      'Taux de rebond (Achat) : supprimé · 41 %',
    ]);
    expect(within(section).getByText('↗')).toHaveClass('version-kpis__arrow--better');
    expect(within(section).getByText('↘')).toHaveClass('version-kpis__arrow--worse');
    // The values of then are those the relay had when the version was saved.
    expect(asked).toContain(`/api/boards/testboard_0123456789/metrics?at=${SAVED_AT}`);
  });

  it('offline, still lists the KPIs added and removed, and says the values could not be read', async () => {
    boardSinceVersion('offline');
    await userEvent.click(await screen.findByRole('button', { name: 'Comparer' }));
    const section = await screen.findByRole('region', { name: 'Indicateurs' });
    expect(await within(section).findByText(/n’ont pas pu être lues/)).toBeInTheDocument();
    expect(
      within(section)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['CSAT (Achat) : ajouté · cible 4,5', 'Taux de rebond (Achat) : supprimé']);
  });
});
