import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useCurrentJourney } from '../../../src/hooks/useCurrentJourney';
import { addJourney } from '../../../src/doc/commands';
import { openJourney } from '../../../src/sync/route';
import { offlineSession, WithSession } from '../../helpers/session';

let renders = 0;
function JourneyName() {
  renders++;
  const journey = useCurrentJourney();
  return <p>{journey?.name ?? 'aucun'}</p>;
}

describe('useCurrentJourney', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('writes the first journey into an address that names none, without showing the board again', () => {
    const session = offlineSession();
    window.history.replaceState(null, '', '/b/testboard_0123456789');
    renders = 0;
    render(
      <WithSession session={session}>
        <JourneyName />
      </WithSession>,
    );
    expect(new URL(window.location.href).searchParams.get('j')).toBe(session.journeyId);
    expect(renders).toBe(1);
  });

  it('corrects the address once however many components read the journey', () => {
    const session = offlineSession();
    window.history.replaceState(null, '', '/b/testboard_0123456789');
    const replaceState = vi.spyOn(window.history, 'replaceState');
    render(
      <WithSession session={session}>
        <JourneyName />
        <JourneyName />
        <JourneyName />
      </WithSession>,
    );
    expect(new URL(window.location.href).searchParams.get('j')).toBe(session.journeyId);
    expect(replaceState).toHaveBeenCalledTimes(1);
    replaceState.mockRestore();
  });

  it('follows the journey the address names, and corrects one the board does not have', () => {
    const session = offlineSession();
    const other = addJourney(session.doc, { name: 'Parcours cible', kind: 'target' });
    window.history.replaceState(null, '', '/b/testboard_0123456789?j=unknown');
    render(
      <WithSession session={session}>
        <JourneyName />
      </WithSession>,
    );
    expect(new URL(window.location.href).searchParams.get('j')).toBe(session.journeyId);
    act(() => openJourney(other));
    expect(screen.getByText('Parcours cible')).toBeInTheDocument();
  });
});
