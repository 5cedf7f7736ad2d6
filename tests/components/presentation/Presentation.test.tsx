import { ReactFlowProvider } from '@xyflow/react';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { Toolbar } from '../../../src/components/board/Toolbar';
import { PresentationLayer } from '../../../src/components/presentation/PresentationLayer';
import { readBoard } from '../../../src/doc/projection';
import { PRESENTATION_FIELD } from '../../../src/model/presentation';
import { useUiStore } from '../../../src/store';
import { offlineSession, WithSession } from '../../helpers/session';

function setup() {
  const session = offlineSession();
  render(
    <WithSession session={session}>
      <ReactFlowProvider>
        <Toolbar />
        <PresentationLayer />
      </ReactFlowProvider>
    </WithSession>,
  );
  return session;
}

/** Someone else on the board, as the relay stamped them, presenting `stage`. */
function remotePresenter(session: ReturnType<typeof offlineSession>, role: string, name: string, stage: number | null) {
  const other = new Awareness(new Y.Doc());
  other.setLocalState({
    user: { id: `id-${name}`, name, color: '#7c3aed', role },
    [PRESENTATION_FIELD]: stage === null ? null : { journeyId: session.journeyId, stage, at: Date.now() },
  });
  act(() => applyAwarenessUpdate(session.connection.awareness, encodeAwarenessUpdate(other, [other.clientID]), 'remote'));
  return other;
}

describe('presentation mode', () => {
  beforeEach(() => useUiStore.setState({ presenting: null, presentStage: 0 }));

  it('steps through the journey stage by stage with the arrows, tells the others, and leaves with Escape', async () => {
    const session = setup();
    await userEvent.click(screen.getByRole('button', { name: /Présenter/ }));
    expect(document.body).toHaveClass('presenting');
    expect(screen.getByRole('status')).toHaveTextContent('Étape 1 sur 5 : Découverte');
    expect(screen.getByRole('button', { name: 'Étape précédente' })).toBeDisabled();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    expect(screen.getByRole('status')).toHaveTextContent('Étape 3 sur 5 : Achat');
    const achat = readBoard(session.doc).stages.find((s) => s.name === 'Achat')!;
    expect(screen.getByTestId('stage-spotlight').textContent).toContain(`[data-id="stages:${achat.id}"]`);
    expect(session.connection.awareness.getLocalState()?.[PRESENTATION_FIELD]).toMatchObject({ journeyId: session.journeyId, stage: 2 });
    await userEvent.keyboard('{ArrowLeft}');
    expect(screen.getByRole('status')).toHaveTextContent('Étape 2 sur 5 : Évaluation');
    await userEvent.click(screen.getByRole('button', { name: 'Étape suivante' }));
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    // Past the last stage it stays there.
    expect(screen.getByRole('status')).toHaveTextContent('Étape 5 sur 5 : Recommandation');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Présentation' })).toBeNull();
    expect(document.body).not.toHaveClass('presenting');
    expect(session.connection.awareness.getLocalState()?.[PRESENTATION_FIELD]).toBeNull();
  });

  it('offers to follow a facilitator who presents, then follows their steps until they stop', async () => {
    const session = setup();
    const alice = remotePresenter(session, 'facilitator', 'Alice', 1);
    expect(screen.getByRole('status')).toHaveTextContent('Alice présente ce tableau.');
    await userEvent.click(screen.getByRole('button', { name: 'Suivre la présentation' }));
    expect(screen.getByRole('status')).toHaveTextContent('Étape 2 sur 5 : Évaluation');
    expect(screen.getByRole('status')).toHaveTextContent('Vous suivez la présentation de Alice.');
    // Only the presenter moves on: the follower's arrows do nothing.
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('status')).toHaveTextContent('Étape 2 sur 5');
    alice.setLocalStateField(PRESENTATION_FIELD, { journeyId: session.journeyId, stage: 3, at: Date.now() + 1 });
    act(() => applyAwarenessUpdate(session.connection.awareness, encodeAwarenessUpdate(alice, [alice.clientID]), 'remote'));
    expect(screen.getByRole('status')).toHaveTextContent('Étape 4 sur 5 : Usage & fidélisation');
    alice.setLocalStateField(PRESENTATION_FIELD, null);
    act(() => applyAwarenessUpdate(session.connection.awareness, encodeAwarenessUpdate(alice, [alice.clientID]), 'remote'));
    expect(screen.queryByRole('region', { name: 'Présentation' })).toBeNull();
  });

  it('never offers to follow a participant', () => {
    const session = setup();
    remotePresenter(session, 'participant', 'Paul', 2);
    expect(screen.queryByRole('button', { name: 'Suivre la présentation' })).toBeNull();
  });
});
