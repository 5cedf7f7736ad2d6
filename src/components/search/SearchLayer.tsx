import { useSearchShortcut } from '../../hooks/useSearchShortcut';
import { FilterDimming } from './FilterDimming';
import { FilterPanel } from './FilterPanel';
import { SearchPanel } from './SearchPanel';
import './search.css';

/** Search and filters over the canvas: the search box, the filter panel, the dimming of what is left out. */
export function SearchLayer() {
  useSearchShortcut();
  return (
    <div className="search-layer">
      <SearchPanel />
      <FilterPanel />
      <FilterDimming />
    </div>
  );
}
