import { useSyncExternalStore } from 'react';
import { touchpointNodeId } from '../../canvas/nodeIds';
import { useBoardSession } from '../../hooks/useBoardSession';

const cssString = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

/**
 * Brings the stage being presented forward and lets the others fade: a stylesheet keyed by the
 * canvas nodes' ids, so no canvas node is rebuilt for it.
 */
export function StageSpotlight({ stageId }: { stageId: string }) {
  const { reader } = useBoardSession();
  const touchpoints = useSyncExternalStore(reader.subscribe, () => reader.getSnapshot().touchpoints);
  const kept = [`stages:${stageId}`, ...touchpoints.filter((t) => t.stageId === stageId).map((t) => touchpointNodeId(t.id))].map(
    (id) => `body.presenting .react-flow__node[data-id=${cssString(id)}]`,
  );
  const css = [
    'body.presenting .react-flow__node-touchpoint, body.presenting .react-flow__node-lane[data-id^="stages:"] { opacity: 0.3; transition: opacity 0.3s; }',
    `${kept.join(',\n')} { opacity: 1; }`,
  ].join('\n');
  return <style data-testid="stage-spotlight">{css}</style>;
}
