import { useT } from '../../hooks/useT';
import type { SearchHit } from '../../model/search';

/** One match in the search list: what kind of thing says it, the words around the match, which journey. */
export function SearchResult({ hit, journey, onChoose }: { hit: SearchHit; journey: string | null; onChoose(): void }) {
  const t = useT();
  const { before, match, after } = hit.excerpt;
  return (
    <button type="button" className="search-result" onClick={onChoose}>
      <span className="search-result__kind">{t(`search.kind.${hit.kind}`)}</span>
      <span className="search-result__text">
        {before}
        <mark>{match}</mark>
        {after}
      </span>
      {journey && <span className="search-result__journey">{t('search.inJourney', { journey })}</span>}
    </button>
  );
}
