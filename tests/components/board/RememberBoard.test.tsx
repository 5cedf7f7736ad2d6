import { act, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addTouchpoint } from '../../../src/doc/commands';
import { readBoard } from '../../../src/doc/projection';
import { useRememberBoard } from '../../../src/hooks/useRememberBoard';
import { loadRecentBoards } from '../../../src/sync/recentBoards';
import { offlineSession, WithSession } from '../../helpers/session';

function Remember({ ready }: { ready: boolean }) {
  useRememberBoard(ready);
  return null;
}

describe('an open board in the recent list', () => {
  it('is remembered with its counts once loaded, and its counts follow the edits', () => {
    const session = offlineSession();
    const { rerender } = render(
      <WithSession session={session}>
        <Remember ready={false} />
      </WithSession>,
    );
    expect(loadRecentBoards()).toEqual([]);
    rerender(
      <WithSession session={session}>
        <Remember ready />
      </WithSession>,
    );
    const before = readBoard(session.doc).touchpoints.length;
    expect(loadRecentBoards()[0]).toMatchObject({ id: session.boardId, journeys: 1, touchpoints: before });

    const b = readBoard(session.doc);
    act(() => {
      addTouchpoint(
        session.doc,
        { journeyId: session.journeyId, stageId: b.stages[0]!.id, channelId: b.channels[0]!.id },
        'Je découvre la marque',
      );
    });
    const entry = loadRecentBoards()[0]!;
    expect(entry.touchpoints).toBe(before + 1);
    expect(entry.grid![0]![0]).toBeGreaterThanOrEqual(1);
  });
});
