/**
 * A viewer's screen offers no way to change the board: every surface is shown, none edits. Each
 * test drives the real components on a real document and checks the document did not change
 * (its state vector, which any local edit would advance); a facilitator control proves the same
 * gesture does edit, so the test could fail.
 */
import { ReactFlowProvider } from '@xyflow/react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentProps, ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ActionMatrix } from '../../../src/components/actions/ActionMatrix';
import { CommentsPanel } from '../../../src/components/workshop/CommentsPanel';
import { JourneyTabs } from '../../../src/components/journey/JourneyTabs';
import { CellNode } from '../../../src/components/canvas/nodes/CellNode';
import { EmotionNode } from '../../../src/components/canvas/nodes/EmotionNode';
import { LaneCellNode } from '../../../src/components/canvas/nodes/LaneCellNode';
import { LaneNode } from '../../../src/components/canvas/nodes/LaneNode';
import { PainCellNode } from '../../../src/components/canvas/nodes/PainCellNode';
import { TouchpointNode } from '../../../src/components/canvas/nodes/TouchpointNode';
import { SidePanel } from '../../../src/components/board/SidePanel';
import { Toolbar } from '../../../src/components/board/Toolbar';
import {
  addAction,
  addComment,
  addLaneCard,
  addPainPoint,
  addTouchpoint,
  setEmotionScore,
  setEmotionWords,
} from '../../../src/doc/commands';
import { readBoard } from '../../../src/doc/projection';
import type { BoardSession } from '../../../src/sync/boardSession';
import { useBoardShortcuts } from '../../../src/hooks/useBoardShortcuts';
import { useTouchpointPaste } from '../../../src/hooks/useTouchpointPaste';
import type { Role } from '../../../src/model/roles';
import { useUiStore } from '../../../src/store';
import { offlineSession, WithSession } from '../../helpers/session';

/** A seeded board with one of everything, opened with `role`. */
function boardAs(role: Role) {
  const base = offlineSession();
  const { doc, journeyId } = base;
  const board = readBoard(doc);
  const stage = board.stages[0]!;
  const channel = board.channels[0]!;
  const touchpointId = addTouchpoint(doc, { journeyId, stageId: stage.id, channelId: channel.id }, 'Je compare les offres', 'pain');
  const painId = addPainPoint(doc, journeyId, stage.id, { text: 'Frais cachés' });
  addLaneCard(doc, journeyId, stage.id, 'does', 'Je lis les avis');
  setEmotionScore(doc, journeyId, stage.id, 1);
  setEmotionWords(doc, journeyId, stage.id, 'curieux');
  addComment(doc, touchpointId, { id: 'someone', name: 'Claire', color: '#7c3aed' }, 'Vu en atelier');
  addAction(doc, { title: 'Afficher les frais', journeyId });
  base.undo.clear();
  const session: BoardSession & { journeyId: string } = { ...base, role };
  const unchanged = snapshot(doc);
  return { session, doc, journeyId, stage, channel, touchpointId, painId, isUnchanged: () => sameVector(unchanged, snapshot(doc)) };
}

const snapshot = (doc: Y.Doc) => Y.encodeStateVector(doc);
const sameVector = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

function show(session: BoardSession, ui: ReactNode) {
  return render(
    <WithSession session={session}>
      <ReactFlowProvider>{ui}</ReactFlowProvider>
    </WithSession>,
  );
}

function Shortcuts() {
  useBoardShortcuts();
  useTouchpointPaste();
  return null;
}

/** A React Flow node's props with only what the node reads. */
const nodeProps = <P,>(data: unknown, extra: object = {}) => ({ data, ...extra }) as unknown as P;

function touchpointNode(b: ReturnType<typeof boardAs>, editing: boolean, selected: boolean) {
  const touchpoint = readBoard(b.doc).touchpoints.find((t) => t.id === b.touchpointId)!;
  return (
    <TouchpointNode
      {...nodeProps<ComponentProps<typeof TouchpointNode>>({ touchpoint, editing, index: 0, cellSize: 1, change: null }, { selected })}
    />
  );
}

function emotionNode(b: ReturnType<typeof boardAs>) {
  const board = readBoard(b.doc);
  const stages = board.stages.filter((s) => s.journeyId === b.journeyId);
  const score = (id: string) => board.emotions.find((e) => e.stageId === id)?.score ?? null;
  const words = (id: string) => board.emotions.find((e) => e.stageId === id)?.words ?? '';
  return (
    <EmotionNode
      {...nodeProps<ComponentProps<typeof EmotionNode>>({
        journeyId: b.journeyId,
        stages,
        scores: stages.map((s) => score(s.id)),
        words: stages.map((s) => words(s.id)),
        compareScores: null,
      })}
    />
  );
}

function painCell(b: ReturnType<typeof boardAs>) {
  const board = readBoard(b.doc);
  const suggestions = board.touchpoints.filter((t) => t.evaluation === 'pain');
  return (
    <PainCellNode
      {...nodeProps<ComponentProps<typeof PainCellNode>>({
        journeyId: b.journeyId,
        stageId: b.stage.id,
        stageName: b.stage.name,
        painPoints: board.painPoints,
        suggestions,
      })}
    />
  );
}

function laneCell(b: ReturnType<typeof boardAs>) {
  const cards = readBoard(b.doc).laneCards;
  return (
    <LaneCellNode
      {...nodeProps<ComponentProps<typeof LaneCellNode>>({
        journeyId: b.journeyId,
        stageId: b.stage.id,
        stageName: b.stage.name,
        row: 'does',
        cards,
      })}
    />
  );
}

beforeEach(() => {
  useUiStore.setState({
    editing: null,
    selectedId: null,
    tool: 'select',
    panel: null,
    panelStageId: null,
    commentTarget: null,
    confirm: null,
    notice: null,
  });
});

describe('a viewer is offered no editing', () => {
  it('double-clicking a card opens no editor, and a card marked as edited shows no text field', async () => {
    const viewer = boardAs('viewer');
    const { unmount } = show(viewer.session, touchpointNode(viewer, false, false));
    await userEvent.dblClick(screen.getByRole('article', { name: /Je compare les offres/ }));
    expect(useUiStore.getState().editing).toBeNull();
    unmount();
    show(viewer.session, touchpointNode(viewer, true, true));
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(viewer.isUnchanged()).toBe(true);
  });

  it('a selected card offers no evaluation, moment of truth, edit or delete, only its comments', () => {
    const viewer = boardAs('viewer');
    show(viewer.session, touchpointNode(viewer, false, true));
    for (const name of [
      'Enchantement',
      'À améliorer',
      'Irritant',
      'Marquer comme moment de vérité',
      'Modifier le texte',
      'Supprimer le point de contact',
    ]) {
      expect(screen.queryByRole('button', { name })).toBeNull();
    }
    expect(screen.getByRole('button', { name: 'Commentaires' })).toBeInTheDocument();
  });

  it('the keys 1/2/3, M, Enter, Delete, Backspace, Alt+arrows and undo/redo do nothing', async () => {
    const viewer = boardAs('viewer');
    show(viewer.session, <Shortcuts />);
    useUiStore.getState().select(viewer.touchpointId);
    for (const key of [
      '1',
      '2',
      '3',
      '0',
      'm',
      '{Enter}',
      '{Delete}',
      '{Backspace}',
      '{Alt>}{ArrowUp}{/Alt}',
      '{Alt>}{ArrowDown}{/Alt}',
      '{Control>}z{/Control}',
      '{Control>}{Shift>}z{/Shift}{/Control}',
      'n',
    ]) {
      await userEvent.keyboard(key);
    }
    expect(useUiStore.getState().editing).toBeNull();
    expect(useUiStore.getState().tool).toBe('select');
    expect(viewer.isUnchanged()).toBe(true);
    expect(readBoard(viewer.doc).touchpoints.find((t) => t.id === viewer.touchpointId)?.evaluation).toBe('pain');
  });

  it('pasting a spreadsheet range adds nothing', () => {
    const viewer = boardAs('viewer');
    show(viewer.session, <Shortcuts />);
    useUiStore.getState().select(viewer.touchpointId);
    const paste = new Event('paste', { bubbles: true, cancelable: true });
    Object.defineProperty(paste, 'clipboardData', { value: { getData: () => 'Je paie\tJe reçois\n' } });
    act(() => void window.dispatchEvent(paste));
    expect(paste.defaultPrevented).toBe(false);
    expect(readBoard(viewer.doc).touchpoints).toHaveLength(1);
    expect(viewer.isUnchanged()).toBe(true);
  });

  it('an emotion point does not move by keyboard or pointer, and its words are plain text', () => {
    const viewer = boardAs('viewer');
    show(viewer.session, emotionNode(viewer));
    const point = screen.getByRole('slider', { name: new RegExp(`étape « ${viewer.stage.name} »`) });
    expect(point).toHaveAttribute('aria-readonly', 'true');
    for (const key of ['ArrowUp', 'ArrowRight', 'ArrowDown', 'ArrowLeft']) fireEvent.keyDown(point, { key });
    fireEvent.pointerDown(point, { pointerId: 1, clientY: 0 });
    fireEvent.pointerMove(point, { pointerId: 1, clientY: 100 });
    fireEvent.pointerUp(point, { pointerId: 1, clientY: 100 });
    expect(point).toHaveAttribute('aria-valuenow', '1');
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByText('curieux')).toBeInTheDocument();
    expect(viewer.isUnchanged()).toBe(true);
  });

  it('pain points show their text and severity with nothing to add, edit, link or delete', async () => {
    const viewer = boardAs('viewer');
    show(viewer.session, painCell(viewer));
    await userEvent.dblClick(screen.getByText('Frais cachés'));
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: /Gravité/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Ajouter un irritant/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Supprimer l’irritant' })).toBeNull();
    expect(screen.queryByRole('button', { name: /irritant proposé|Proposer/ })).toBeNull();
    expect(screen.getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['Commentaires']);
    expect(viewer.isUnchanged()).toBe(true);
  });

  it('extra-row cards show their text with nothing to add, edit or delete', async () => {
    const viewer = boardAs('viewer');
    show(viewer.session, laneCell(viewer));
    await userEvent.dblClick(screen.getByText('Je lis les avis'));
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    expect(viewer.isUnchanged()).toBe(true);
  });

  it('a cell offers no add button and a double-click adds nothing', async () => {
    const viewer = boardAs('viewer');
    show(
      viewer.session,
      <CellNode
        {...nodeProps<ComponentProps<typeof CellNode>>({
          journeyId: viewer.journeyId,
          stageId: viewer.stage.id,
          channelId: viewer.channel.id,
          stageName: viewer.stage.name,
          channelName: viewer.channel.name,
          isDropTarget: false,
        })}
      />,
    );
    expect(screen.queryByRole('button')).toBeNull();
    await userEvent.dblClick(screen.getByRole('group', { name: `${viewer.stage.name} × ${viewer.channel.name}` }));
    expect(viewer.isUnchanged()).toBe(true);
  });

  it('stage headers and journey tabs offer no rename, move, add or delete', async () => {
    const viewer = boardAs('viewer');
    show(
      viewer.session,
      <>
        <LaneNode
          {...nodeProps<ComponentProps<typeof LaneNode>>({
            kind: 'stages',
            lane: viewer.stage,
            index: 0,
            isLast: false,
            cardCount: 1,
            editing: true,
            details: null,
          })}
        />
        <JourneyTabs />
      </>,
    );
    expect(screen.queryByRole('textbox')).toBeNull();
    await userEvent.dblClick(screen.getByRole('heading', { name: viewer.stage.name }));
    expect(useUiStore.getState().editing).toBeNull();
    for (const name of [/Renommer/, /Supprimer/, /Déplacer/, 'Nouveau parcours', /Créer le parcours cible/, /Lignes/])
      expect(screen.queryByRole('button', { name })).toBeNull();
    expect(viewer.isUnchanged()).toBe(true);
  });

  it('the toolbar offers no add-touchpoint, undo or redo', () => {
    const viewer = boardAs('viewer');
    show(viewer.session, <Toolbar />);
    for (const name of ['Ajouter un point de contact', 'Annuler', 'Rétablir']) expect(screen.queryByRole('button', { name })).toBeNull();
    expect(screen.getByRole('button', { name: 'Cadrage' })).toBeInTheDocument();
  });

  it('side panels show framing, personas, stage details and actions with every control disabled', async () => {
    const viewer = boardAs('viewer');
    show(viewer.session, <SidePanel />);
    for (const panel of ['framing', 'personas', 'actions'] as const) {
      act(() => useUiStore.getState().openPanel(panel));
      const body = screen.getByRole('tabpanel');
      const controls = [...body.querySelectorAll('input, textarea, select, button')];
      expect(controls.length).toBeGreaterThan(0);
      for (const control of controls) expect(control).toBeDisabled();
    }
    act(() => useUiStore.getState().openPanel('stage', viewer.stage.id));
    for (const control of within(screen.getByRole('tabpanel')).getAllByRole('textbox')) expect(control).toBeDisabled();
    await userEvent.type(within(screen.getByRole('tabpanel')).getAllByRole('textbox')[0]!, 'x');
    expect(viewer.isUnchanged()).toBe(true);
  });

  it('priority actions cannot be dragged to another quadrant', () => {
    const viewer = boardAs('viewer');
    const actions = readBoard(viewer.doc).actions;
    show(viewer.session, <ActionMatrix actions={actions} onEdit={() => {}} />);
    const card = screen.getByRole('article', { name: /Afficher les frais/ });
    expect(card).toHaveAttribute('draggable', 'false');
    const data = new Map<string, string>([['application/x-parcours-action', actions[0]!.id]]);
    const dataTransfer = { types: [...data.keys()], getData: (k: string) => data.get(k) ?? '', setData: () => {}, dropEffect: 'none' };
    const target = screen.getAllByRole('region').find((r) => !r.contains(card))!;
    fireEvent.dragOver(target, { dataTransfer });
    fireEvent.drop(target, { dataTransfer });
    expect(viewer.isUnchanged()).toBe(true);
  });

  it('comments are read, not written', () => {
    const viewer = boardAs('viewer');
    useUiStore.setState({ commentTarget: viewer.touchpointId });
    show(viewer.session, <CommentsPanel />);
    expect(screen.getByText('Vu en atelier')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).toBeNull();
    // Only the way back to every thread: nothing that writes.
    expect(screen.queryAllByRole('button').map((b) => b.textContent)).toEqual(['← Tous les commentaires']);
  });
});

describe('the same gestures edit for a facilitator (so the checks above can fail)', () => {
  it('double-click opens the editor, keys evaluate, paste adds cards, arrows move the emotion', async () => {
    const fac = boardAs('facilitator');
    const { unmount } = show(fac.session, touchpointNode(fac, false, false));
    await userEvent.dblClick(screen.getByRole('article', { name: /Je compare les offres/ }));
    expect(useUiStore.getState().editing).toEqual({ kind: 'touchpoint', id: fac.touchpointId });
    unmount();
    useUiStore.setState({ editing: null });

    show(fac.session, <Shortcuts />);
    useUiStore.getState().select(fac.touchpointId);
    await userEvent.keyboard('1');
    expect(readBoard(fac.doc).touchpoints.find((t) => t.id === fac.touchpointId)?.evaluation).toBe('delight');
    const paste = new Event('paste', { bubbles: true, cancelable: true });
    Object.defineProperty(paste, 'clipboardData', { value: { getData: () => 'Je paie\n' } });
    act(() => void window.dispatchEvent(paste));
    expect(readBoard(fac.doc).touchpoints).toHaveLength(2);

    show(fac.session, emotionNode(fac));
    fireEvent.keyDown(screen.getByRole('slider', { name: new RegExp(`étape « ${fac.stage.name} »`) }), { key: 'ArrowUp' });
    expect(readBoard(fac.doc).emotions.find((e) => e.stageId === fac.stage.id)?.score).toBe(2);
    expect(fac.isUnchanged()).toBe(false);
  });
});
