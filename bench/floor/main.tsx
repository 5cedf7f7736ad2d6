/**
 * The floor of the browser benchmark: the same @xyflow/react as the app, rendering plain nodes
 * at the positions and sizes of the board's nodes (handed in by the benchmark before the page
 * loads), with no Yjs, no store and no logic. Whatever the app costs above this page is ours.
 */
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { ReactFlow, useNodesState, type Node, type NodeProps, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './floor.css';

export interface FloorNodeSpec {
  id: string;
  type: string;
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
}

type FloorNode = Node<{ label: string }>;

/** What the benchmark hands in: the board's nodes and the size of its canvas on screen. */
export interface FloorSpec {
  width: number;
  height: number;
  /** The view the board opened on, which the floor opens on too. */
  viewport: { x: number; y: number; zoom: number };
  nodes: FloorNodeSpec[];
}

interface FloorWindow {
  __FLOOR__?: FloorSpec;
  /** Set when an edit is applied, read by the benchmark's paint probe. */
  __arrival?: number;
  __floor?: { edit(id: string, label: string): void; ids: string[] };
}
const w = window as unknown as FloorWindow;

/** A plain node: a box with its label, as React Flow's own default node without handles. */
function PlainNode({ data }: NodeProps<FloorNode>) {
  return (
    <div className="floor-node">
      <p className="touchpoint__text">{data.label}</p>
    </div>
  );
}

const spec: FloorSpec = w.__FLOOR__ ?? { width: 1440, height: 900, viewport: { x: 0, y: 0, zoom: 1 }, nodes: [] };
const specs = spec.nodes;
const nodeTypes: NodeTypes = Object.fromEntries([...new Set(specs.map((s) => s.type))].map((type) => [type, PlainNode]));
const initial: FloorNode[] = specs.map((s) => ({
  id: s.id,
  type: s.type,
  position: { x: s.x, y: s.y },
  width: s.width,
  height: s.height,
  style: { width: s.width, height: s.height },
  data: { label: s.label },
}));
const NO_EDGES: never[] = [];

function Floor() {
  const [nodes, setNodes, onNodesChange] = useNodesState(initial);
  useEffect(() => {
    w.__floor = {
      ids: initial.filter((n) => n.type === 'touchpoint').map((n) => n.id),
      // One node's label changes: what a remote edit costs React Flow at the least.
      edit: (id, label) => {
        w.__arrival = performance.timeOrigin + performance.now();
        setNodes((ns) => ns.map((n) => (n.id === id ? { ...n, data: { ...n.data, label } } : n)));
      },
    };
  }, [setNodes]);
  return (
    <div style={{ width: spec.width, height: spec.height }}>
      <ReactFlow
        nodes={nodes}
        edges={NO_EDGES}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        minZoom={0.03}
        maxZoom={2}
        defaultViewport={spec.viewport}
        panOnScroll
        zoomOnDoubleClick={false}
        nodeDragThreshold={4}
        proOptions={{ hideAttribution: true }}
      />
    </div>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Floor />
  </StrictMode>,
);
