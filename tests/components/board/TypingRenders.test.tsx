import { act, render, renderHook } from '@testing-library/react';
import { Profiler, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { JourneyTabs } from '../../../src/components/journey/JourneyTabs';
import { FilterPanel } from '../../../src/components/search/FilterPanel';
import { SearchPanel } from '../../../src/components/search/SearchPanel';
import { addTouchpoint, setTouchpointText, updateJourney } from '../../../src/doc/commands';
import { readBoard } from '../../../src/doc/projection';
import { useCardMatches } from '../../../src/hooks/useCardMatches';
import { NO_FILTERS } from '../../../src/model/cardFilters';
import { useUiStore } from '../../../src/store';
import { offlineSession, WithSession } from '../../helpers/session';

function sessionWithCard() {
  const session = offlineSession();
  const board = readBoard(session.doc);
  const stageId = board.stages.find((s) => s.journeyId === session.journeyId)!.id;
  const channelId = board.channels.find((c) => c.journeyId === session.journeyId)!.id;
  const cardId = addTouchpoint(session.doc, { journeyId: session.journeyId, stageId, channelId }, 'Je paie') as string;
  return { session, cardId };
}

/** Renders `children` and counts the commits that rendered them. */
function counted(session: ReturnType<typeof offlineSession>, children: ReactNode) {
  const renders = { count: 0 };
  render(
    <WithSession session={session}>
      <Profiler id="counted" onRender={() => renders.count++}>
        {children}
      </Profiler>
    </WithSession>,
  );
  return renders;
}

describe('the page around the canvas while someone types in a card', () => {
  it('does not re-render the journey tabs, the search or the filters, and does once the structure changes', () => {
    const { session, cardId } = sessionWithCard();
    const renders = counted(
      session,
      <>
        <JourneyTabs />
        <SearchPanel />
        <FilterPanel />
      </>,
    );
    const before = renders.count;
    act(() => setTouchpointText(session.doc, cardId, 'Je paie en ligne'));
    act(() => setTouchpointText(session.doc, cardId, 'Je paie en ligne par carte'));
    expect(renders.count).toBe(before);
    act(() => updateJourney(session.doc, session.journeyId, { name: 'Parcours cible' }));
    expect(renders.count).toBeGreaterThan(before);
  });

  it('re-reads the matches on a text edit only while a filter reads the texts', () => {
    const { session, cardId } = sessionWithCard();
    useUiStore.getState().setFilters(session.boardId, NO_FILTERS);
    let renders = 0;
    const { result } = renderHook(
      () => {
        renders++;
        return useCardMatches();
      },
      { wrapper: ({ children }) => <WithSession session={session}>{children}</WithSession> },
    );
    const before = renders;
    act(() => setTouchpointText(session.doc, cardId, 'Le client paie'));
    expect(renders).toBe(before);
    // Off the customer's voice: a card not written « Je … » matches, and stops matching once it is.
    act(() => useUiStore.getState().setFilters(session.boardId, { ...NO_FILTERS, offVoice: true }));
    expect(result.current.matching.has(cardId)).toBe(true);
    act(() => setTouchpointText(session.doc, cardId, 'Je paie'));
    expect(result.current.matching.has(cardId)).toBe(false);
  });
});
