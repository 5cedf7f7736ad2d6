/**
 * Nodes handed to React Flow a few at a time when many of them move at once far from the view.
 *
 * A card dropped into a cell that grows moves every card of the rows below it: on a board of
 * 1 000 cards, some 900 nodes at once, each re-rendered by React Flow and restyled by the
 * browser in the frame of the drop, although most of them are off screen. Nodes whose change is
 * only where they are or how big, and which are away from the view before and after, keep their
 * previous object for a few frames and are handed over in slices; everything else (what a node
 * shows, its selection, any node in or near the view, new and removed nodes) goes at once, so
 * what can be seen is always the document's latest state.
 */
import type { FlowViewport } from './stickyHeaders';
import type { MatrixNode } from './matrixNodes';

/** The canvas's view: where it looks and its size on screen, in pixels. */
export interface StageView extends FlowViewport {
  width: number;
  height: number;
}

/** Screens around the view within which a moved node is handed over at once. */
export const STAGE_MARGIN = 0.5;
/**
 * How many far nodes are handed over with the change itself (none: its frame draws what is
 * seen), then at each frame after it (a 1 000-card drop settles in six or seven frames).
 */
export const FIRST_SLICE = 0;
export const NEXT_SLICE = 150;

const GEOMETRY = new Set(['position', 'width', 'height', 'measured', 'style']);

/**
 * The same value, or objects whose members are the same values: one level only, as a node that
 * only moved keeps its data object (cardNodes) or data of plain values (cells). Anything deeper
 * counts as changed and goes at once, which is always right, only not deferred.
 */
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) || Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** For a node found to differ from an older one only in where it is: that older one (a node held is compared once, not at every frame). */
const onlyMovedFrom = new WeakMap<MatrixNode, MatrixNode>();

/** Whether `next` differs from `old` only in its position and size. */
function movedOnly(old: MatrixNode, next: MatrixNode): boolean {
  if (onlyMovedFrom.get(next) === old) return true;
  const a = old as unknown as Record<string, unknown>;
  const b = next as unknown as Record<string, unknown>;
  let keys = 0;
  for (const k in b) {
    keys++;
    if (!GEOMETRY.has(k) && !same(a[k], b[k])) return false;
  }
  for (const _k in a) keys--;
  if (keys !== 0) return false;
  onlyMovedFrom.set(next, old);
  return true;
}

/** Whether node `n` lies wholly outside the view grown by `STAGE_MARGIN` screens (false when its size is unknown). */
function awayFrom(view: StageView, n: MatrixNode): boolean {
  if (n.width === undefined || n.height === undefined) return false;
  const { x, y, zoom, width, height } = view;
  const left = (-width * STAGE_MARGIN - x) / zoom;
  const right = (width * (1 + STAGE_MARGIN) - x) / zoom;
  const top = (-height * STAGE_MARGIN - y) / zoom;
  const bottom = (height * (1 + STAGE_MARGIN) - y) / zoom;
  return n.position.x + n.width <= left || n.position.x >= right || n.position.y + n.height <= top || n.position.y >= bottom;
}

/**
 * What to hand React Flow on the way from `shown` (what it has) to `target` (the derivation's
 * latest nodes, in their order): `target`, in which the far nodes that only moved keep their
 * object from `shown`, all but `slice` of them. Returns `target` itself once nothing is held
 * back, and `shown` itself when this step would change nothing.
 */
export function stageNodes(shown: readonly MatrixNode[], target: MatrixNode[], view: StageView | null, slice: number): MatrixNode[] {
  if (shown === target) return target;
  // Without a view of known size nothing is known to be off screen.
  if (!view || view.width <= 0 || view.height <= 0 || view.zoom <= 0) return target;
  // Nodes keep their place from one derivation to the next (matrixDerivation), so the previous
  // node is looked for at the same place first, and by id only when it is not there.
  let before: Map<string, MatrixNode> | null = null;
  const previous = (node: MatrixNode, i: number) => {
    const there = shown[i];
    if (there?.id === node.id) return there;
    before ??= new Map(shown.map((n) => [n.id, n]));
    return before.get(node.id);
  };
  let released = 0;
  let held = false;
  const out = target.map((node, i) => {
    const old = previous(node, i);
    if (!old || old === node) return node;
    if (!awayFrom(view, old) || !awayFrom(view, node)) return node;
    if (released < slice) {
      released++;
      return node;
    }
    if (!movedOnly(old, node)) return node;
    held = true;
    return old;
  });
  if (!held) return target;
  if (out.length === shown.length && out.every((n, i) => n === shown[i])) return shown as MatrixNode[];
  return out;
}
