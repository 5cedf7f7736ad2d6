import { render } from '@testing-library/react';
import { ReactFlowProvider } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { CardDetailProvider } from '../../../src/components/canvas/CardDetailProvider';
import { useNearView } from '../../../src/hooks/useNearView';
import { useZoomedOut } from '../../../src/hooks/useZoomedOut';
import type { FirstView } from '../../../src/hooks/useTrackNearCards';
import type { MatrixLayout } from '../../../src/model/layout';

const layout = {
  cards: new Map([
    ['seen', { x: 100, y: 100, width: 200, height: 80 }],
    ['far', { x: 100, y: 9000, width: 200, height: 80 }],
  ]),
} as unknown as MatrixLayout;

/** What each card's first render was told: near the view or not, and zoomed out or not. */
function firstRenders(firstView: FirstView) {
  const seen: Record<string, { near: boolean; zoomedOut: boolean }> = {};
  function Card({ id }: { id: string }) {
    const near = useNearView(id);
    const zoomedOut = useZoomedOut();
    seen[id] ??= { near, zoomedOut };
    return null;
  }
  render(
    <ReactFlowProvider>
      <CardDetailProvider layout={layout} firstView={firstView}>
        <Card id="seen" />
        <Card id="far" />
      </CardDetailProvider>
    </ReactFlowProvider>,
  );
  return seen;
}

describe('the detail the cards of a canvas are first drawn with', () => {
  it('draws the cards of the view the canvas opens on whole from their first render, the others as blocks', () => {
    const seen = firstRenders({ viewport: { x: 0, y: 0, zoom: 0.8 }, width: 1200, height: 800 });
    expect(seen.seen).toEqual({ near: true, zoomedOut: false });
    expect(seen.far).toEqual({ near: false, zoomedOut: false });
  });

  it('opens zoomed out when the first view is too far out to read', () => {
    const seen = firstRenders({ viewport: { x: 0, y: 0, zoom: 0.2 }, width: 1200, height: 800 });
    expect(seen.seen?.zoomedOut).toBe(true);
  });
});
