import { useState, type DragEvent } from 'react';
import { updateAction } from '../../doc/commands';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useCapabilities } from '../../hooks/useCapabilities';
import { useT } from '../../hooks/useT';
import { QUADRANTS, quadrantOf, rankActions, scoresForQuadrant, type Quadrant } from '../../model/actions';
import type { Action } from '../../model/types';
import { ACTION_DRAG_TYPE, ActionCard } from './ActionCard';
import { QUADRANT_STYLE } from './actionText';

export interface ActionMatrixProps {
  actions: Action[];
  onEdit(id: string): void;
}

/**
 * The impact / effort matrix: high impact on top, low effort on the left, so quick wins sit
 * top left. Cards are dropped into another quadrant to rescore them.
 */
export function ActionMatrix({ actions, onEdit }: ActionMatrixProps) {
  const t = useT();
  const { doc } = useBoardSession();
  const { canEdit } = useCapabilities();
  const [over, setOver] = useState<Quadrant | null>(null);
  const byQuadrant = new Map<Quadrant, Action[]>(QUADRANTS.map((q) => [q, []]));
  for (const a of rankActions(actions)) byQuadrant.get(quadrantOf(a))!.push(a);

  const accepts = (e: DragEvent) => canEdit && e.dataTransfer.types.includes(ACTION_DRAG_TYPE);
  const drop = (e: DragEvent, quadrant: Quadrant) => {
    setOver(null);
    if (!canEdit) return;
    const action = actions.find((a) => a.id === e.dataTransfer.getData(ACTION_DRAG_TYPE));
    if (!action) return;
    e.preventDefault();
    if (quadrantOf(action) !== quadrant) updateAction(doc, action.id, scoresForQuadrant(action, quadrant));
  };

  return (
    <div className="action-matrix">
      <span className="action-matrix__axis action-matrix__axis--impact" aria-hidden="true">
        {t('panel.actions.axisImpact')}
      </span>
      <span className="action-matrix__axis action-matrix__axis--effort" aria-hidden="true">
        {t('panel.actions.axisEffort')}
      </span>
      <div className="action-matrix__grid">
        {QUADRANTS.map((q) => {
          const list = byQuadrant.get(q)!;
          const style = QUADRANT_STYLE[q];
          return (
            <section
              key={q}
              className={`quadrant quadrant--${q}${over === q ? ' quadrant--over' : ''}`}
              aria-label={t(style.label)}
              onDragOver={(e) => {
                if (!accepts(e)) return;
                e.preventDefault();
                e.dataTransfer.dropEffect = 'move';
                if (over !== q) setOver(q);
              }}
              onDragLeave={(e) => {
                if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(null);
              }}
              onDrop={(e) => drop(e, q)}
            >
              <h3 className="quadrant__title">
                <span aria-hidden="true">{style.icon}</span> {t(style.label)} <span className="quadrant__count">({list.length})</span>
              </h3>
              <p className="quadrant__hint">{t(style.hint)}</p>
              {list.length ? (
                <ul className="quadrant__cards">
                  {list.map((a) => (
                    <li key={a.id}>
                      <ActionCard action={a} onEdit={() => onEdit(a.id)} />
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="quadrant__empty">{t('panel.actions.quadrantEmpty')}</p>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}
