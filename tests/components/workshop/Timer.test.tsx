/**
 * The shared timer on two screens (the facilitator's and a participant's, one document): its
 * end is signalled, then it ends; each person may dismiss the signal on their own screen.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TimerWidget } from '../../../src/components/workshop/TimerWidget';
import { setTimer } from '../../../src/doc/commands';
import { readWorkshop } from '../../../src/doc/workshop';
import { TIMER_END_SIGNAL_MS, startTimer } from '../../../src/model/workshop';
import type { BoardSession } from '../../../src/sync/boardSession';
import { offlineSession, WithSession } from '../../helpers/session';

/** The facilitator's and the participant's screens of one board, side by side. */
function twoScreens() {
  const session = offlineSession();
  const screens = { facilitator: { ...session, role: 'facilitator' }, participant: { ...session, role: 'participant' } } satisfies Record<
    string,
    BoardSession
  >;
  render(
    <>
      {Object.entries(screens).map(([name, s]) => (
        <section key={name} aria-label={name}>
          <WithSession session={s}>
            <TimerWidget />
          </WithSession>
        </section>
      ))}
    </>,
  );
  const on = (name: keyof typeof screens) => within(screen.getByRole('region', { name }));
  return { doc: session.doc, on };
}

const pass = (ms: number) => act(() => void vi.advanceTimersByTime(ms));

beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'] }));
afterEach(() => vi.useRealTimers());

describe('the end of the timer', () => {
  it('is signalled on every screen for a while, then the timer ends by itself', () => {
    const { doc, on } = twoScreens();
    act(() => setTimer(doc, startTimer(60_000, Date.now())));
    pass(1000);
    expect(on('participant').getByRole('button', { name: /^Minuteur — Temps restant : 00:59/ })).toBeInTheDocument();
    pass(60_000);
    for (const who of ['facilitator', 'participant'] as const)
      expect(on(who).getByRole('button', { name: 'Minuteur — Temps écoulé' })).toBeInTheDocument();
    pass(TIMER_END_SIGNAL_MS);
    expect(on('participant').queryByRole('button', { name: /Minuteur/ })).toBeNull();
    expect(on('participant').queryByText('Temps écoulé')).toBeNull();
    // The facilitator is back to a timer ready to start.
    expect(on('facilitator').getByRole('button', { name: /^Minuteur/ })).toHaveTextContent('Minuteur');
  });

  it('can be dismissed by each person on their own screen only', () => {
    const { doc, on } = twoScreens();
    act(() => setTimer(doc, startTimer(30_000, Date.now())));
    pass(31_000);
    const before = JSON.stringify(readWorkshop(doc).timer);
    fireEvent.click(on('participant').getByRole('button', { name: 'Masquer « Temps écoulé »' }));
    expect(on('participant').queryByText('Temps écoulé')).toBeNull();
    expect(on('facilitator').getByRole('button', { name: 'Minuteur — Temps écoulé' })).toBeInTheDocument();
    expect(JSON.stringify(readWorkshop(doc).timer)).toBe(before);
    // The next countdown shows again.
    act(() => setTimer(doc, startTimer(30_000, Date.now())));
    expect(on('participant').getByRole('button', { name: /^Minuteur — Temps restant/ })).toBeInTheDocument();
  });

  it('ends for everyone when the facilitator stops it, a control a participant is not offered', () => {
    const { doc, on } = twoScreens();
    act(() => setTimer(doc, startTimer(30_000, Date.now())));
    pass(31_000);
    fireEvent.click(on('participant').getByRole('button', { name: 'Minuteur — Temps écoulé' }));
    expect(on('participant').queryByRole('button', { name: 'Arrêter' })).toBeNull();
    fireEvent.click(on('facilitator').getByRole('button', { name: 'Minuteur — Temps écoulé' }));
    fireEvent.click(on('facilitator').getByRole('button', { name: 'Arrêter' }));
    expect(readWorkshop(doc).timer.status).toBe('idle');
    expect(on('participant').queryByText('Temps écoulé')).toBeNull();
    expect(on('facilitator').queryByText('Temps écoulé')).toBeNull();
  });
});
