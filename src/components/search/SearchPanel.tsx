import { useDeferredValue, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useCurrentJourney } from '../../hooks/useCurrentJourney';
import { useRevealMatch } from '../../hooks/useRevealMatch';
import { useT } from '../../hooks/useT';
import { SEARCH_HITS_MAX, SEARCH_QUERY_MAX, searchBoard } from '../../model/search';
import { useUiStore } from '../../store';
import { SearchResult } from './SearchResult';

/** The id of the search field, which the shortcut puts the focus back in. */
export const SEARCH_FIELD_ID = 'board-search-field';

/**
 * The search box beside the canvas: every card, pain point, action, comment and persona that
 * says the text, listed; choosing one moves the canvas to it while the list stays open.
 */
export function SearchPanel() {
  const open = useUiStore((s) => s.searchOpen);
  // The query outlives the panel: reopened, it shows the same search again.
  const [query, setQuery] = useState('');
  return open ? <OpenSearchPanel query={query} setQuery={setQuery} /> : null;
}

/** The panel while open: only then does it read the board, which every keystroke in a card changes. */
function OpenSearchPanel({ query, setQuery }: { query: string; setQuery(query: string): void }) {
  const t = useT();
  const setOpen = useUiStore((s) => s.setSearchOpen);
  const { reader, workshop } = useBoardSession();
  const board = useSyncExternalStore(reader.subscribe, reader.getSnapshot);
  const comments = useSyncExternalStore(workshop.subscribe, () => workshop.getSnapshot().comments);
  const reveal = useRevealMatch();
  const current = useCurrentJourney();
  const deferred = useDeferredValue(query);
  const result = useMemo(() => searchBoard(board, comments, deferred), [board, comments, deferred]);
  const field = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    opener.current = document.activeElement as HTMLElement | null;
    field.current?.focus();
  }, []);
  const close = () => {
    setOpen(false);
    opener.current?.focus?.();
  };
  // Only a match in another journey names it: going there switches the map on screen.
  const journeyName = (id: string | null) => (id && id !== current?.id ? (board.journeys.find((j) => j.id === id)?.name ?? null) : null);
  const trimmed = deferred.trim();
  return (
    <section
      className="search-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="search-panel-title"
      onKeyDown={(e) => {
        // Keys typed here are not the canvas's shortcuts.
        e.stopPropagation();
        if (e.key === 'Escape') close();
      }}
    >
      <h2 id="search-panel-title" className="search-panel__title">
        {t('search.title')}
      </h2>
      <input
        ref={field}
        id={SEARCH_FIELD_ID}
        type="search"
        className="search-panel__field"
        aria-label={t('search.field')}
        placeholder={t('search.placeholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && result.hits[0]) reveal(result.hits[0]);
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            list.current?.querySelector<HTMLButtonElement>('button')?.focus();
          }
        }}
      />
      {Array.from(query.trim()).length > SEARCH_QUERY_MAX && (
        <p className="search-panel__note">{t('search.cut', { max: SEARCH_QUERY_MAX })}</p>
      )}
      {trimmed && (
        <p className="search-panel__count" role="status">
          {result.total === 0
            ? t('search.none', { query: Array.from(trimmed).slice(0, 60).join('') })
            : t.plural('search.count', result.total)}
        </p>
      )}
      {result.hits.length > 0 && (
        <ul
          ref={list}
          className="search-panel__results"
          aria-label={t('search.results')}
          onKeyDown={(e) => {
            if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
            e.preventDefault();
            const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
            const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
            const next = e.key === 'ArrowDown' ? at + 1 : at - 1;
            (next < 0 ? field.current : buttons[Math.min(next, buttons.length - 1)])?.focus();
          }}
        >
          {result.hits.map((hit) => (
            <li key={`${hit.kind}:${hit.id}`}>
              <SearchResult hit={hit} journey={journeyName(hit.journeyId)} onChoose={() => reveal(hit)} />
            </li>
          ))}
        </ul>
      )}
      {result.total > SEARCH_HITS_MAX && <p className="search-panel__note">{t('search.more', { shown: SEARCH_HITS_MAX })}</p>}
      <button type="button" className="button search-panel__close" onClick={close}>
        {t('search.close')}
      </button>
    </section>
  );
}
