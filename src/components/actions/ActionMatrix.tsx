import { useEffect, useRef, useState, type DragEvent } from 'react';
import { updateAction } from '../../doc/commands';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useCapabilities } from '../../hooks/useCapabilities';
import { useT } from '../../hooks/useT';
import { QUADRANTS, placementOf, rankActions, scoresForQuadrant, type Placement } from '../../model/actions';
import type { Action } from '../../model/types';
import { ACTION_DRAG_TYPE, ActionCard } from './ActionCard';
import { QUADRANT_STYLE } from './actionText';

export interface ActionMatrixProps {
  actions: Action[];
  onEdit(id: string): void;
  /** Shown with room (the enlarged view): cards side by side in each quadrant. */
  wide?: boolean;
}

/**
 * The impact / effort matrix: high impact on top, low effort on the left, so quick wins sit
 * top left. New actions wait in the tray above it until the team places them; cards are
 * dropped into a quadrant (or chosen from their list) to place or rescore them.
 */
export function ActionMatrix({ actions, onEdit, wide = false }: ActionMatrixProps) {
  const t = useT();
  const { doc } = useBoardSession();
  const { canEdit } = useCapabilities();
  const [over, setOver] = useState<Placement | null>(null);
  const root = useRef<HTMLDivElement>(null);
  // A card moved with its menu is drawn anew in its new quadrant: its menu gets the focus back, so the keyboard is not lost.
  const refocus = useRef<string | null>(null);
  useEffect(() => {
    if (!refocus.current) return;
    root.current?.querySelector<HTMLElement>(`[data-action-id="${refocus.current}"] select`)?.focus();
    refocus.current = null;
  });
  const byPlace = new Map<Placement, Action[]>([...QUADRANTS, 'unplaced' as const].map((q) => [q, []]));
  for (const a of rankActions(actions)) byPlace.get(placementOf(a))!.push(a);
  const unplaced = byPlace.get('unplaced')!;

  const accepts = (e: DragEvent) => canEdit && e.dataTransfer.types.includes(ACTION_DRAG_TYPE);
  const drop = (e: DragEvent, place: Placement) => {
    setOver(null);
    if (!canEdit) return;
    const action = actions.find((a) => a.id === e.dataTransfer.getData(ACTION_DRAG_TYPE));
    if (!action) return;
    e.preventDefault();
    if (placementOf(action) === place) return;
    updateAction(doc, action.id, place === 'unplaced' ? { placed: false } : { ...scoresForQuadrant(action, place), placed: true });
  };
  const dropTarget = (place: Placement) => ({
    onDragOver: (e: DragEvent) => {
      if (!accepts(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      if (over !== place) setOver(place);
    },
    onDragLeave: (e: DragEvent<HTMLElement>) => {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(null);
    },
    onDrop: (e: DragEvent) => drop(e, place),
  });
  const cards = (list: Action[]) => (
    <ul className="quadrant__cards">
      {list.map((a) => (
        <li key={a.id}>
          <ActionCard action={a} onEdit={() => onEdit(a.id)} />
        </li>
      ))}
    </ul>
  );

  return (
    <div
      ref={root}
      className={`action-matrix${wide ? ' action-matrix--wide' : ''}`}
      onChange={(e) => {
        refocus.current = (e.target as HTMLElement).closest<HTMLElement>('[data-action-id]')?.dataset.actionId ?? null;
      }}
    >
      {unplaced.length > 0 && (
        <section
          className={`action-tray${over === 'unplaced' ? ' quadrant--over' : ''}`}
          aria-label={t('panel.actions.unplaced')}
          {...dropTarget('unplaced')}
        >
          <h3 className="quadrant__title">
            {t('panel.actions.unplaced')} <span className="quadrant__count">({unplaced.length})</span>
          </h3>
          <p className="quadrant__hint">{t('panel.actions.unplacedHint')}</p>
          {cards(unplaced)}
        </section>
      )}
      <span className="action-matrix__axis action-matrix__axis--impact" aria-hidden="true">
        {t('panel.actions.axisImpact')}
      </span>
      <span className="action-matrix__axis action-matrix__axis--effort" aria-hidden="true">
        {t('panel.actions.axisEffort')}
      </span>
      <div className="action-matrix__grid">
        {QUADRANTS.map((q) => {
          const list = byPlace.get(q)!;
          const style = QUADRANT_STYLE[q];
          return (
            <section
              key={q}
              className={`quadrant quadrant--${q}${over === q ? ' quadrant--over' : ''}`}
              aria-label={t(style.label)}
              {...dropTarget(q)}
            >
              <h3 className="quadrant__title">
                <span aria-hidden="true">{style.icon}</span> {t(style.label)} <span className="quadrant__count">({list.length})</span>
              </h3>
              <p className="quadrant__hint">{t(style.hint)}</p>
              {list.length ? cards(list) : <p className="quadrant__empty">{t('panel.actions.quadrantEmpty')}</p>}
            </section>
          );
        })}
      </div>
    </div>
  );
}
