import { Trash2 } from 'lucide-react';
import { useState } from 'react';
import { deleteJourney, duplicateJourney, setExtraRow, updateJourney } from '../../doc/commands';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useBoardStructure } from '../../hooks/useBoardStructure';
import { useCapabilities } from '../../hooks/useCapabilities';
import { useCurrentJourney } from '../../hooks/useCurrentJourney';
import { openJourney } from '../../sync/route';
import { useT } from '../../hooks/useT';
import { EXTRA_ROWS } from '../../model/types';
import { useUiStore } from '../../store';
import { TEXT_LIMITS } from '../../model/limits';
import { InlineNameEditor } from '../ui/InlineNameEditor';
import { OnDemand } from '../ui/OnDemand';
import { onDemand } from '../ui/onDemand';

const NewJourneyDialog = onDemand(() => import('./NewJourneyDialog').then((m) => m.NewJourneyDialog));

/** The journeys of the board as tabs, with the actions on the open one and compare mode. */
export function JourneyTabs() {
  const t = useT();
  const { doc } = useBoardSession();
  // Journeys and personas only: the tabs do not re-render while someone types in a card.
  const board = useBoardStructure();
  const current = useCurrentJourney();
  const compareWith = useUiStore((s) => s.compareWith);
  const setCompareWith = useUiStore((s) => s.setCompareWith);
  const askConfirm = useUiStore((s) => s.askConfirm);
  const { canEditStructure } = useCapabilities();
  const [renaming, setRenaming] = useState(false);
  const [creating, setCreating] = useState(false);
  const [rowsOpen, setRowsOpen] = useState(false);
  const personaName = (id: string | null) => board.personas.find((p) => p.id === id)?.name ?? null;
  const comparable = board.journeys.filter((j) => j.id !== current?.id);
  const compared = comparable.find((j) => j.id === compareWith) ?? null;
  return (
    <nav className="journeys" aria-label={t('journeys.label')}>
      <div role="tablist" className="journeys__tabs">
        {board.journeys.map((j) => {
          const active = j.id === current?.id;
          const persona = personaName(j.personaId);
          return active && renaming && canEditStructure ? (
            <InlineNameEditor
              key={j.id}
              value={j.name}
              label={t('journeys.name')}
              maxLength={TEXT_LIMITS.journeyName}
              onCommit={(name) => {
                updateJourney(doc, j.id, { name });
                setRenaming(false);
              }}
              onCancel={() => setRenaming(false)}
            />
          ) : (
            <button
              key={j.id}
              type="button"
              role="tab"
              aria-selected={active}
              className={`journey-tab journey-tab--${j.kind}`}
              onClick={() => {
                if (!active) {
                  openJourney(j.id);
                  if (compareWith === j.id) setCompareWith(null);
                }
              }}
              onDoubleClick={() => active && canEditStructure && setRenaming(true)}
              title={active ? t('journeys.rename') : undefined}
            >
              <span className={`kind-badge kind-badge--${j.kind}`}>{t(`journeys.kind.${j.kind}`)}</span>
              <span className="journey-tab__name">{j.name}</span>
              {persona && <span className="journey-tab__persona">· {persona}</span>}
            </button>
          );
        })}
        {canEditStructure && (
          <button
            type="button"
            className="icon-button"
            aria-label={t('journeys.add')}
            title={t('journeys.add')}
            onClick={() => setCreating(true)}
          >
            +
          </button>
        )}
      </div>
      {current && (
        <div className="journeys__actions">
          {canEditStructure && current.kind === 'existing' && (
            <button
              type="button"
              className="button"
              onClick={() => {
                const id = duplicateJourney(doc, current.id, { name: t('journeys.targetName', { name: current.name }), kind: 'target' });
                if (id) {
                  openJourney(id);
                  setCompareWith(current.id);
                }
              }}
            >
              {t('journeys.makeTarget')}
            </button>
          )}
          <label className="journeys__compare">
            <span>{t('compare.label')}</span>
            <select value={compared?.id ?? ''} onChange={(e) => setCompareWith(e.target.value || null)} disabled={comparable.length === 0}>
              <option value="">{t('compare.none')}</option>
              {comparable.map((j) => (
                <option key={j.id} value={j.id}>
                  {j.name} ({t(`journeys.kind.${j.kind}`)})
                </option>
              ))}
            </select>
          </label>
          {canEditStructure && (
            <>
              <div className="rows-menu">
                <button type="button" className="button" aria-expanded={rowsOpen} onClick={() => setRowsOpen(!rowsOpen)}>
                  {t('band.rows')} ▾
                </button>
                {rowsOpen && (
                  <ul className="popover rows-menu__list">
                    {EXTRA_ROWS.map((row) => (
                      <li key={row}>
                        <label className="popover__item">
                          <input
                            type="checkbox"
                            checked={current.extraRows.includes(row)}
                            onChange={(e) => setExtraRow(doc, current.id, row, e.target.checked)}
                          />{' '}
                          {t(`band.${row}`)}
                        </label>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              <button
                type="button"
                className="icon-button"
                aria-label={t('journeys.rename')}
                title={t('journeys.rename')}
                onClick={() => setRenaming(true)}
              >
                ✎
              </button>
              <button
                type="button"
                className="icon-button icon-button--danger"
                aria-label={t('journeys.delete')}
                title={t('journeys.delete')}
                disabled={board.journeys.length < 2}
                onClick={() =>
                  askConfirm({
                    message: t('journeys.confirmDelete', { name: current.name }),
                    onConfirm: () => {
                      const next = board.journeys.find((j) => j.id !== current.id);
                      deleteJourney(doc, current.id);
                      if (next) openJourney(next.id, true);
                    },
                  })
                }
              >
                <Trash2 className="icon" size={15} aria-hidden="true" />
              </button>
            </>
          )}
        </div>
      )}
      {creating && canEditStructure && (
        <OnDemand onClose={() => setCreating(false)}>
          <NewJourneyDialog onClose={() => setCreating(false)} />
        </OnDemand>
      )}
    </nav>
  );
}
