import { useMemo } from 'react';
import { useBoardStructure } from '../../hooks/useBoardStructure';
import { useCardMatches } from '../../hooks/useCardMatches';
import { useCurrentJourney } from '../../hooks/useCurrentJourney';
import { useFilters } from '../../hooks/useFilters';
import { useT } from '../../hooks/useT';
import { EVALUATION_CHOICES, SEVERITIES, type CardFilters } from '../../model/cardFilters';
import { byOrder } from '../../model/order';
import { useUiStore } from '../../store';
import { FilterChoices } from './FilterChoices';
import { FilterStatus } from './FilterStatus';

type Flag = 'momentOfTruth' | 'unresolvedComments' | 'hasVotes' | 'offVoice';
const FLAGS: readonly Flag[] = ['momentOfTruth', 'unresolvedComments', 'hasVotes', 'offVoice'];

/** The filters of the cards, this person's own: each criterion a group of boxes to tick. */
export function FilterPanel() {
  const t = useT();
  const open = useUiStore((s) => s.filtersOpen);
  const setOpen = useUiStore((s) => s.setFiltersOpen);
  // Stages and channels only: the panel does not re-render while someone types in a card.
  const board = useBoardStructure();
  const journey = useCurrentJourney();
  const { filters, setFilters, clear } = useFilters();
  const matches = useCardMatches();
  const lanes = useMemo(() => {
    const of = <T extends { journeyId: string; order: string; id: string }>(list: readonly T[]) =>
      list.filter((l) => l.journeyId === journey?.id).sort(byOrder);
    return { stages: of(board.stages), channels: of(board.channels) };
  }, [board, journey]);
  if (!open) return null;
  const change = (patch: Partial<CardFilters>) => setFilters({ ...filters, ...patch });
  return (
    <section
      className="filter-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="filter-panel-title"
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') setOpen(false);
      }}
    >
      <h2 id="filter-panel-title" className="search-panel__title">
        {t('filters.title')}
      </h2>
      <FilterChoices
        legend={t('filters.evaluation')}
        options={EVALUATION_CHOICES.map((e) => ({ value: e, label: t(`evaluation.${e}`) }))}
        chosen={filters.evaluations}
        onChange={(evaluations) => change({ evaluations })}
      />
      <FilterChoices
        legend={t('filters.stage')}
        options={lanes.stages.map((s) => ({ value: s.id, label: s.name }))}
        chosen={filters.stageIds}
        onChange={(stageIds) => change({ stageIds })}
      />
      <FilterChoices
        legend={t('filters.channel')}
        options={lanes.channels.map((c) => ({ value: c.id, label: c.name }))}
        chosen={filters.channelIds}
        onChange={(channelIds) => change({ channelIds })}
      />
      <FilterChoices
        legend={t('filters.severity')}
        options={SEVERITIES.map((s) => ({ value: s, label: t(`filters.severity.${s}`) }))}
        chosen={filters.severities}
        onChange={(severities) => change({ severities })}
      />
      <fieldset className="filter-panel__group">
        <legend>{t('filters.flags')}</legend>
        {FLAGS.map((flag) => (
          <label key={flag} className="filter-panel__choice">
            <input type="checkbox" checked={filters[flag]} onChange={(e) => change({ [flag]: e.target.checked })} />
            {t(`filters.${flag}`)}
          </label>
        ))}
      </fieldset>
      {matches.active && <FilterStatus matches={matches} onClear={clear} />}
      <button type="button" className="button search-panel__close" onClick={() => setOpen(false)}>
        {t('filters.close')}
      </button>
    </section>
  );
}
