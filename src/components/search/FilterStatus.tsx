import { useT } from '../../hooks/useT';
import type { CardMatches } from '../../hooks/useCardMatches';

/** How many cards the filters let through; when none, it says so and offers to clear them. */
export function FilterStatus({ matches, onClear }: { matches: CardMatches; onClear(): void }) {
  const t = useT();
  const count = matches.matching.size;
  return (
    <div className={`filter-status${count === 0 ? ' filter-status--empty' : ''}`} role="status">
      <span>{count === 0 ? t('filters.nothing') : t.plural('filters.matching', count, { total: matches.total })}</span>
      <button type="button" className="button" onClick={onClear}>
        {t('filters.clear')}
      </button>
    </div>
  );
}
