import { useCardMatches } from '../../hooks/useCardMatches';
import { useFilters } from '../../hooks/useFilters';
import { touchpointNodeId } from '../../canvas/nodeIds';
import { useUiStore } from '../../store';
import { FilterStatus } from './FilterStatus';

/** An id written as a CSS string: only quotes and backslashes need escaping inside one. */
const cssString = (value: string) => `"${value.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\a ')}"`;

/**
 * Dims the cards the filters leave out. A stylesheet keyed by the nodes' ids does it, so the
 * canvas nodes are not rebuilt when a filter changes; and a line over the canvas says how many
 * cards pass (or that none do) while the filter panel is closed.
 */
export function FilterDimming() {
  const matches = useCardMatches();
  const { clear } = useFilters();
  const panelOpen = useUiStore((s) => s.filtersOpen);
  if (!matches.active) return null;
  const kept = [...matches.matching].map((id) => `.board-main .react-flow__node-touchpoint[data-id=${cssString(touchpointNodeId(id))}]`);
  const css = [
    '.board-main .react-flow__node-touchpoint { opacity: 0.2; filter: grayscale(0.8); }',
    kept.length > 0 ? `${kept.join(',\n')} { opacity: 1; filter: none; }` : '',
  ].join('\n');
  return (
    <>
      <style data-testid="filter-dimming">{css}</style>
      {!panelOpen && (
        <div className="filter-status-bar">
          <FilterStatus matches={matches} onClear={clear} />
        </div>
      )}
    </>
  );
}
