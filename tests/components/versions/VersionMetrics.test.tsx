import { render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { VersionPage } from '../../../src/components/versions/VersionPage';
import { addKpi, initBoard } from '../../../src/doc/commands';
import { readBoard } from '../../../src/doc/projection';
import { defaultBoard } from '../../../src/model/defaults';

describe('a saved version’s KPIs', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('reads the values the relay had when the version was saved, never today’s', async () => {
    const doc = new Y.Doc();
    const { journeyId } = initBoard(doc, defaultBoard('fr'))!;
    const kpiId = addKpi(doc, journeyId, readBoard(doc).stages[2]!.id, { name: 'Taux de conversion', target: '3', unit: '%' });
    const state = Y.encodeStateAsUpdate(doc);
    const savedAt = 1_767_225_600_000;
    const asked: string[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
      const url = String(input);
      asked.push(url);
      if (url.endsWith('/versions'))
        return Response.json({ versions: [{ id: 'v1', name: 'v1 2025', author: 'Alice', createdAt: savedAt, bytes: state.byteLength }] });
      if (url.endsWith('/versions/v1')) return new Response(new Uint8Array(state));
      if (url.includes('/metrics'))
        return Response.json({
          summary: { [kpiId]: { count: 1, recent: [{ date: '2025-12-31', value: 2.4, source: 'feed' }], earlier: null } },
        });
      return new Response('', { status: 404 });
    });
    // The version's canvas measures itself; a test's DOM has no layout to observe.
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    );
    const view = render(<VersionPage boardId="Abcdefghijklmnopqrstuv" versionId="v1" />);
    await vi.waitFor(() => expect(asked).toContain(`/api/boards/Abcdefghijklmnopqrstuv/metrics?at=${savedAt}`));
    // Never the board's values of today.
    expect(asked.filter((u) => u.includes('/metrics') && !u.includes('?at='))).toEqual([]);
    view.unmount();
  });
});
