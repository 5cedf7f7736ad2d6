import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { ReactFlow, type NodeChange, type OnNodeDrag } from '@xyflow/react';
import { dropTarget, type DragState } from '../../canvas/drag';
import { moveTouchpoint } from '../../doc/commands';
import { useBoardSession } from '../../hooks/useBoardSession';
import { TITLE_BAND_HEIGHT, type MatrixNode } from '../../canvas/matrixNodes';
import { initialView } from '../../canvas/reveal';
import { touchpointOfNode } from '../../canvas/nodeIds';
import { useCanvasKeyboard } from '../../hooks/useCanvasKeyboard';
import { useCapabilities } from '../../hooks/useCapabilities';
import { useLivePresence } from '../../hooks/useLivePresence';
import { useMatrix } from '../../hooks/useMatrix';
import { useRevealEditedLane } from '../../hooks/useRevealEditedLane';
import { useStagedNodes } from '../../hooks/useStagedNodes';
import { useStickyHeaders } from '../../hooks/useStickyHeaders';
import { useT } from '../../hooks/useT';
import { useUiStore } from '../../store';
import { nodeTypes } from './nodes';
import './canvas.css';
import { CanvasControls } from './CanvasControls';
import { CardDetailProvider } from './CardDetailProvider';
import { CanvasDots } from './CanvasDots';
import { CursorsLayer } from './CursorsLayer';
import { EmptyBoard } from './EmptyBoard';
import type { FirstView } from '../../hooks/useTrackNearCards';

const PRO_OPTIONS = { hideAttribution: true };
/** The matrix has no edges; one constant array so React Flow never sees a new one. */
const NO_EDGES: never[] = [];

/**
 * What is drawn with the nodes, as one element made once: the canvas renders again at each new
 * set of nodes (a drop hands them over in several), and these follow their own sources.
 */
const LAYERS = (
  <>
    <CursorsLayer />
    <CanvasDots />
    <CanvasControls />
  </>
);

/** The id of the canvas, which the page's skip link leads to. */
export const CANVAS_ID = 'board-canvas';

// Handlers declared once: React Flow copies each new one into its store, which every node then checks.
function onPaneClick() {
  const ui = useUiStore.getState();
  ui.select(null);
  ui.setTool('select');
}

function onMoveStart(event: MouseEvent | TouchEvent | null) {
  // Panning or zooming by hand ends following someone.
  if (event && useUiStore.getState().following !== null) useUiStore.getState().setFollowing(null);
}

/**
 * The channel × stage matrix on a pannable, zoomable canvas: the wheel or trackpad pans and
 * Ctrl+wheel or a pinch zooms, as in the whiteboards people know; the headers stay in sight.
 * Memoised: it follows the board's structure itself, never the page's re-renders.
 */
export const BoardCanvas = memo(function BoardCanvas() {
  const t = useT();
  const { doc } = useBoardSession();
  const [drag, setDrag] = useState<DragState | null>(null);
  const { matrix, layout, nodes, journeyId } = useMatrix(drag);
  const shownNodes = useStagedNodes(nodes);
  const select = useUiStore((s) => s.select);
  const presence = useLivePresence();
  const { canEdit } = useCapabilities();
  const host = useRef<HTMLDivElement>(null);
  useRevealEditedLane(layout);
  const onKeyDownCapture = useCanvasKeyboard(matrix, journeyId);
  const ariaLabels = useMemo(
    () => ({
      'node.a11yDescription.default': t('flow.nodeDescription'),
      'node.a11yDescription.keyboardDisabled': t('flow.keyboardDisabled'),
      'node.a11yDescription.ariaLiveMessage': ({ x, y }: { x: number; y: number }) =>
        t('flow.moved', { x: Math.round(x), y: Math.round(y) }),
      'edge.a11yDescription.default': t('flow.edgeDescription'),
      'controls.ariaLabel': t('flow.controls'),
      'controls.zoomIn.ariaLabel': t('flow.zoomIn'),
      'controls.zoomOut.ariaLabel': t('flow.zoomOut'),
      'controls.fitView.ariaLabel': t('flow.fitView'),
      'controls.interactive.ariaLabel': t('flow.interactive'),
      'minimap.ariaLabel': t('minimap.label'),
    }),
    [t],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<MatrixNode>[]) => {
      for (const change of changes) {
        const touchpointId = change.type === 'select' ? touchpointOfNode(change.id) : null;
        if (change.type === 'select' && touchpointId) {
          if (change.selected) select(touchpointId);
          else if (useUiStore.getState().selectedId === touchpointId) select(null);
        }
      }
    },
    [select],
  );

  const onNodeDrag: OnNodeDrag<MatrixNode> = useCallback(
    (_event, node) => {
      if (node.type === 'touchpoint' && canEdit) setDrag({ id: node.data.touchpoint.id, x: node.position.x, y: node.position.y });
    },
    [canEdit],
  );

  const onNodeDragStop: OnNodeDrag<MatrixNode> = useCallback(
    (_event, node) => {
      setDrag(null);
      if (node.type !== 'touchpoint' || !matrix || !layout || !canEdit) return;
      // The very place the drop cell was highlighted for while dragging.
      const target = dropTarget(layout, matrix.cellCards, { id: node.data.touchpoint.id, x: node.position.x, y: node.position.y });
      if (target)
        moveTouchpoint(doc, node.data.touchpoint.id, { stageId: target.stageId, channelId: target.channelId, index: target.index });
    },
    [doc, layout, matrix, canEdit],
  );

  // A first view that can be read, on a laptop too: the whole map, or its full width from the top.
  // Worked out from the canvas's size before React Flow is drawn, so that its nodes are drawn
  // once, in that view: the cards in it whole from the first render (see CardDetailProvider).
  const [firstView, setFirstView] = useState<FirstView | null>(null);
  useLayoutEffect(() => {
    const el = host.current;
    if (firstView || !layout || !el) return;
    const map = { x: 0, y: -TITLE_BAND_HEIGHT, width: layout.width, height: layout.height + TITLE_BAND_HEIGHT };
    const { clientWidth: width, clientHeight: height } = el;
    setFirstView({ viewport: initialView(map, { ...map, height: layout.matrixBottom + TITLE_BAND_HEIGHT }, width, height), width, height });
  }, [firstView, layout]);
  useStickyHeaders(host, layout, firstView !== null);

  if (!journeyId || !matrix || (matrix.stages.length === 0 && matrix.channels.length === 0)) {
    // A canvas drawn again later opens on a first view of its own.
    if (firstView) setFirstView(null);
    return <EmptyBoard />;
  }
  return (
    <div
      ref={host}
      id={CANVAS_ID}
      tabIndex={-1}
      className="canvas"
      aria-label={t('canvas.label')}
      role="application"
      onKeyDownCapture={onKeyDownCapture}
      onPointerMove={presence.onPointerMove}
      onPointerLeave={presence.onPointerLeave}
    >
      {firstView && (
        <CardDetailProvider layout={layout} firstView={firstView}>
          <ReactFlow<MatrixNode>
            defaultViewport={firstView.viewport}
            nodes={shownNodes}
            edges={NO_EDGES}
            nodeTypes={nodeTypes}
            onNodesChange={onNodesChange}
            onNodeDrag={onNodeDrag}
            onNodeDragStop={onNodeDragStop}
            onPaneClick={onPaneClick}
            onMoveStart={onMoveStart}
            ariaLabelConfig={ariaLabels}
            nodeDragThreshold={4}
            nodesDraggable={canEdit}
            panOnScroll
            deleteKeyCode={null}
            selectionKeyCode={null}
            multiSelectionKeyCode={null}
            zoomOnDoubleClick={false}
            minZoom={0.03}
            maxZoom={2}
            proOptions={PRO_OPTIONS}
            nodesConnectable={false}
            elevateNodesOnSelect={false}
          >
            {LAYERS}
          </ReactFlow>
        </CardDetailProvider>
      )}
    </div>
  );
});
