import { useFilters } from '../../hooks/useFilters';
import { useT } from '../../hooks/useT';
import { boardShortcut } from '../../model/boardShortcuts';
import { activeFilterCount } from '../../model/cardFilters';
import { useUiStore } from '../../store';
import { keysLabel } from '../canvas/keyLabel';

/** The toolbar's search and filter buttons; the filter one says how many criteria are set. */
export function SearchButtons() {
  const t = useT();
  const searchOpen = useUiStore((s) => s.searchOpen);
  const setSearchOpen = useUiStore((s) => s.setSearchOpen);
  const filtersOpen = useUiStore((s) => s.filtersOpen);
  const setFiltersOpen = useUiStore((s) => s.setFiltersOpen);
  const { filters } = useFilters();
  const count = activeFilterCount(filters);
  return (
    <>
      <button
        type="button"
        className={`button${searchOpen ? ' button--active' : ''}`}
        aria-pressed={searchOpen}
        title={`${t('search.hint')} (${keysLabel(boardShortcut('search').keys, t)})`}
        onClick={() => setSearchOpen(!searchOpen)}
      >
        <span aria-hidden="true">⌕</span> {t('search.open')}
      </button>
      <button
        type="button"
        className={`button${filtersOpen || count > 0 ? ' button--active' : ''}`}
        aria-pressed={filtersOpen}
        title={t('filters.hint')}
        onClick={() => setFiltersOpen(!filtersOpen)}
      >
        {count > 0 ? t('filters.openCount', { count }) : t('filters.open')}
      </button>
    </>
  );
}
