import { act, render, screen } from '@testing-library/react';
import * as Y from 'yjs';
import userEvent from '@testing-library/user-event';
import type { ComponentProps } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as commands from '../../../src/doc/commands';
import { TouchpointNode } from '../../../src/components/canvas/nodes/TouchpointNode';
import { makeRecord, roots } from '../../../src/doc/schema';
import { ZoomedOutContext } from '../../../src/hooks/useZoomedOut';
import { useUiStore } from '../../../src/store';
import type { Touchpoint } from '../../../src/model/types';
import { offlineSession, WithSession } from '../../helpers/session';

vi.mock('../../../src/doc/commands', async (importOriginal) => {
  const actual = await importOriginal<typeof commands>();
  return { ...actual, setTouchpointText: vi.fn(), setTouchpointEvaluation: vi.fn(), deleteTouchpoint: vi.fn() };
});

const touchpoint: Touchpoint = {
  id: 'tp1',
  journeyId: 'j',
  stageId: 's',
  channelId: 'c',
  text: 'Je',
  evaluation: null,
  order: '1',
  momentOfTruth: false,
};

/** The node of card tp1, whose record is in the session's document (the card reads it from there). */
function renderNode(editing: boolean, selected = false, zoomedOut = false) {
  const session = offlineSession(false);
  const { text, ...fields } = touchpoint;
  roots(session.doc).touchpoints.set(touchpoint.id, makeRecord({ ...fields, text: new Y.Text(text) }));
  const props = { data: { touchpoint, editing, index: 0, cellSize: 1 }, selected } as unknown as ComponentProps<typeof TouchpointNode>;
  render(
    <WithSession session={session}>
      <ReactFlowProvider>
        <ZoomedOutContext.Provider value={zoomedOut}>
          <TouchpointNode {...props} />
        </ZoomedOutContext.Provider>
      </ReactFlowProvider>
    </WithSession>,
  );
  return session;
}

describe('TouchpointNode', () => {
  beforeEach(() => {
    vi.mocked(commands.setTouchpointText).mockClear();
    useUiStore.setState({ editing: null, selectedId: null });
  });

  it('writes typed text through setTouchpointText, for this card on this board', async () => {
    const session = renderNode(true);
    await userEvent.type(screen.getByRole('textbox', { name: 'Texte du point de contact' }), ' m');
    expect(commands.setTouchpointText).toHaveBeenCalledWith(session.doc, 'tp1', 'Je ');
    expect(commands.setTouchpointText).toHaveBeenLastCalledWith(session.doc, 'tp1', 'Jem');
  });

  it('recolours through setTouchpointEvaluation and deletes through deleteTouchpoint', async () => {
    const session = renderNode(false, true);
    await userEvent.click(screen.getByRole('button', { name: 'À améliorer' }));
    expect(commands.setTouchpointEvaluation).toHaveBeenCalledWith(session.doc, 'tp1', 'improvable');
    await userEvent.click(screen.getByRole('button', { name: 'Supprimer le point de contact' }));
    expect(commands.deleteTouchpoint).toHaveBeenCalledWith(session.doc, 'tp1');
  });

  it('shows its record as it is now: an edit made elsewhere reaches the card without a new node', () => {
    const session = renderNode(false);
    expect(screen.getByText('Je')).toBeInTheDocument();
    const text = (roots(session.doc).touchpoints.get('tp1') as Y.Map<unknown>).get('text') as Y.Text;
    act(() => session.doc.transact(() => text.insert(2, ' paie'), 'remote'));
    // Remote edits are shown at the next animation frame.
    return vi.waitFor(() => expect(screen.getByText('Je paie')).toBeInTheDocument());
  });

  it('enters editing mode in the store on double-click', async () => {
    renderNode(false);
    await userEvent.dblClick(screen.getByRole('article'));
    expect(useUiStore.getState().editing).toEqual({ kind: 'touchpoint', id: 'tp1' });
  });

  it('zoomed out, is a plain block that keeps the card’s name, and a double-click still opens its editor', async () => {
    renderNode(false, false, true);
    const card = screen.getByRole('article', { name: 'Point de contact : Je — Non évalué' });
    expect(card).toHaveClass('touchpoint--block');
    expect(screen.queryByText('Je')).not.toBeInTheDocument();
    await userEvent.dblClick(card);
    expect(useUiStore.getState().editing).toEqual({ kind: 'touchpoint', id: 'tp1' });
  });

  it('is drawn whole while edited, however far out the view is', () => {
    renderNode(true, true, true);
    expect(screen.getByRole('textbox', { name: 'Texte du point de contact' })).toHaveValue('Je');
  });
});
