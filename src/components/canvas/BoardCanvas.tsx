import { useCallback, useMemo, useState } from 'react';
import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow, type NodeChange, type OnNodeDrag } from '@xyflow/react';
import { moveTouchpoint } from '../../doc/commands';
import { useBoardSession } from '../../hooks/useBoardSession';
import type { MatrixNode } from '../../canvas/matrixNodes';
import { touchpointOfNode } from '../../canvas/nodeIds';
import { useCapabilities } from '../../hooks/useCapabilities';
import { useLivePresence } from '../../hooks/useLivePresence';
import { useMatrix, type DragState } from '../../hooks/useMatrix';
import { useT } from '../../hooks/useT';
import { LAYOUT, cellAt, cellId, indexInCell } from '../../model/layout';
import { useUiStore } from '../../store';
import { nodeTypes } from './nodes';
import './canvas.css';
import { CursorsLayer } from './CursorsLayer';
import { EmptyBoard } from './EmptyBoard';

const PRO_OPTIONS = { hideAttribution: true };
/** The matrix has no edges; one constant array so React Flow never sees a new one. */
const NO_EDGES: never[] = [];
const FIT_VIEW_OPTIONS = { padding: 0.08, maxZoom: 1 };

function minimapColor(node: MatrixNode): string {
  if (node.type !== 'touchpoint') return node.type === 'lane' ? '#cbd5e1' : 'transparent';
  return { delight: '#16a34a', improvable: '#f59e0b', pain: '#dc2626', none: '#94a3b8' }[node.data.touchpoint.evaluation ?? 'none'];
}

/** The channel × stage matrix on a pannable, zoomable canvas. */
export function BoardCanvas() {
  const t = useT();
  const { doc } = useBoardSession();
  const [drag, setDrag] = useState<DragState | null>(null);
  const { matrix, layout, nodes, journeyId } = useMatrix(drag);
  const select = useUiStore((s) => s.select);
  const presence = useLivePresence();
  const { canEdit } = useCapabilities();
  const ariaLabels = useMemo(
    () => ({
      'node.a11yDescription.default': t('flow.nodeDescription'),
      'node.a11yDescription.keyboardDisabled': t('flow.keyboardDisabled'),
      'node.a11yDescription.ariaLiveMessage': ({ x, y }: { x: number; y: number }) => t('flow.moved', { x: Math.round(x), y: Math.round(y) }),
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
  const setDropCell = useUiStore((s) => s.setDropCell);

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

  const dropTarget = useCallback(
    (x: number, y: number) => (layout ? cellAt(layout, x + LAYOUT.cardWidth / 2, y + LAYOUT.cardHeight / 2) : null),
    [layout],
  );

  const onNodeDrag: OnNodeDrag<MatrixNode> = useCallback(
    (_event, node) => {
      if (node.type !== 'touchpoint' || !canEdit) return;
      setDrag({ id: node.data.touchpoint.id, x: node.position.x, y: node.position.y });
      const cell = dropTarget(node.position.x, node.position.y);
      setDropCell(cell ? cellId(cell.stageId, cell.channelId) : null);
    },
    [dropTarget, setDropCell, canEdit],
  );

  const onNodeDragStop: OnNodeDrag<MatrixNode> = useCallback(
    (_event, node) => {
      setDrag(null);
      setDropCell(null);
      if (node.type !== 'touchpoint' || !matrix || !canEdit) return;
      const cell = dropTarget(node.position.x, node.position.y);
      if (!cell) return;
      const id = node.data.touchpoint.id;
      const others = (matrix.cellCards.get(cellId(cell.stageId, cell.channelId)) ?? []).filter((c) => c.id !== id);
      moveTouchpoint(doc, id, { stageId: cell.stageId, channelId: cell.channelId, index: indexInCell(cell, node.position.y, others.length) });
    },
    [doc, dropTarget, matrix, setDropCell, canEdit],
  );

  if (!journeyId || !matrix || (matrix.stages.length === 0 && matrix.channels.length === 0)) return <EmptyBoard />;
  return (
    <div className="canvas" aria-label={t('canvas.label')} role="application" onPointerMove={presence.onPointerMove} onPointerLeave={presence.onPointerLeave}>
      <ReactFlow<MatrixNode>
        nodes={nodes}
        edges={NO_EDGES}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onNodeDrag={onNodeDrag}
        onNodeDragStop={onNodeDragStop}
        onPaneClick={() => {
          select(null);
          useUiStore.getState().setTool('select');
        }}
        onMoveStart={(event) => {
          // Panning or zooming by hand ends following someone.
          if (event && useUiStore.getState().following !== null) useUiStore.getState().setFollowing(null);
        }}
        ariaLabelConfig={ariaLabels}
        nodeDragThreshold={4}
        nodesDraggable={canEdit}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        zoomOnDoubleClick={false}
        minZoom={0.03}
        maxZoom={2}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        proOptions={PRO_OPTIONS}
        nodesConnectable={false}
        elevateNodesOnSelect={false}
      >
        <CursorsLayer />
        <Background variant={BackgroundVariant.Dots} gap={24} size={1} color="#cbd5e1" />
        <Controls showInteractive={false} showFitView={false} fitViewOptions={FIT_VIEW_OPTIONS} className="export-exclude" />
        <MiniMap<MatrixNode> pannable zoomable nodeColor={minimapColor} ariaLabel={t('minimap.label')} className="export-exclude" />
      </ReactFlow>
    </div>
  );
}
