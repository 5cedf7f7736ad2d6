import { ControlButton, Controls, MiniMap } from '@xyflow/react';
import type { MatrixNode } from '../../canvas/matrixNodes';
import { useT } from '../../hooks/useT';
import { useUiStore } from '../../store';

const FIT_VIEW_OPTIONS = { padding: 0.08, maxZoom: 1 };

function minimapColor(node: MatrixNode): string {
  if (node.type !== 'touchpoint') return node.type === 'lane' ? '#cbd5e1' : 'transparent';
  return { delight: '#16a34a', improvable: '#f59e0b', pain: '#dc2626', none: '#94a3b8' }[node.data.touchpoint.evaluation ?? 'none'];
}

/**
 * Zoom buttons and the minimap, bottom right, away from the channel headers that stay at the
 * left edge; the minimap folds away (remembered) so it hides no cells.
 */
export function CanvasControls() {
  const t = useT();
  const open = useUiStore((s) => s.minimapOpen);
  const setOpen = useUiStore((s) => s.setMinimapOpen);
  const label = t(open ? 'minimap.hide' : 'minimap.show');
  return (
    <>
      <Controls
        position="bottom-right"
        orientation="horizontal"
        showInteractive={false}
        showFitView={false}
        fitViewOptions={FIT_VIEW_OPTIONS}
        className="export-exclude"
      >
        <ControlButton aria-label={label} title={label} aria-pressed={open} onClick={() => setOpen(!open)}>
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <rect x="1.5" y="3" width="13" height="10" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
            <rect x="8" y="7.5" width="5" height="4" fill="currentColor" />
          </svg>
        </ControlButton>
      </Controls>
      {open && (
        <MiniMap<MatrixNode>
          position="bottom-right"
          pannable
          zoomable
          nodeColor={minimapColor}
          ariaLabel={t('minimap.label')}
          className="export-exclude"
        />
      )}
    </>
  );
}
