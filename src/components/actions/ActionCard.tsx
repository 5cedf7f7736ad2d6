import { updateAction } from '../../doc/commands';
import { useBoardSession } from '../../hooks/useBoardSession';
import { useCapabilities } from '../../hooks/useCapabilities';
import { useT } from '../../hooks/useT';
import { QUADRANTS, placementOf, scoresForQuadrant, type Quadrant } from '../../model/actions';
import type { Action } from '../../model/types';
import { useUiStore } from '../../store';
import { QUADRANT_STYLE, STATUS_LABEL, formatDue, isOverdue, todayIso } from './actionText';
import { CommentsButton } from '../workshop/CommentsButton';
import { ActionKpis } from '../kpis/ActionKpis';

/** The drag payload type of an action card, so drops of anything else are ignored. */
export const ACTION_DRAG_TYPE = 'application/x-parcours-action';

export interface ActionCardProps {
  action: Action;
  /** Position in the ranked list, when shown there. */
  rank?: number;
  onEdit(): void;
}

/**
 * One priority action, compact: its title (opens the editor), owner, due date, status and
 * scores. In the matrix it can be dragged to another quadrant, or moved with its menu.
 */
export function ActionCard({ action, rank, onEdit }: ActionCardProps) {
  const t = useT();
  const { doc } = useBoardSession();
  const { canEdit } = useCapabilities();
  const locale = useUiStore((s) => s.locale);
  const title = action.title || t('panel.actions.untitled');
  const placement = placementOf(action);
  const overdue = isOverdue(action, todayIso());
  const inMatrix = rank === undefined;
  const movable = inMatrix && canEdit;
  const moveTo = (q: Quadrant) => updateAction(doc, action.id, { ...scoresForQuadrant(action, q), placed: true });
  return (
    <article
      className={`action-card action-card--${action.status}${movable ? ' action-card--draggable' : ''}`}
      aria-label={t('panel.actions.card', { title })}
      data-action-id={action.id}
      draggable={movable}
      onDragStart={(e) => {
        e.dataTransfer.setData(ACTION_DRAG_TYPE, action.id);
        e.dataTransfer.setData('text/plain', action.title);
        e.dataTransfer.effectAllowed = 'move';
      }}
    >
      <div className="action-card__top">
        {rank !== undefined && <span className="action-card__rank">{rank}</span>}
        <button type="button" className="action-card__title" onClick={onEdit} title={t('panel.actions.edit', { title })}>
          {title}
        </button>
        <CommentsButton targetId={action.id} />
      </div>
      <p className="action-card__meta">
        <span className={`action-status action-status--${action.status}`}>{t(STATUS_LABEL[action.status])}</span>
        {action.owner && <span>{action.owner}</span>}
        {action.due && (
          <span className={overdue ? 'action-card__late' : undefined}>
            {overdue ? t('panel.actions.overdue', { date: formatDue(action.due, locale) }) : formatDue(action.due, locale)}
          </span>
        )}
      </p>
      <p className="action-card__meta">
        {rank !== undefined && (
          <span className={`quadrant-badge quadrant-badge--${placement}`}>
            <span aria-hidden="true">{QUADRANT_STYLE[placement].icon}</span> {t(QUADRANT_STYLE[placement].label)}
          </span>
        )}
        {action.placed && <span>{t('panel.actions.scores', { impact: action.impact, effort: action.effort })}</span>}
        {action.links.length > 0 && <span>{t('panel.actions.linkCount', { count: action.links.length })}</span>}
      </p>
      <ActionKpis action={action} />
      {movable && (
        <div className="action-card__move">
          {/* A menu of moves, not a display of the quadrant (the card sits in it): its label is short enough for a narrow quadrant. */}
          <select
            value=""
            onChange={(e) => e.target.value && moveTo(e.target.value as Quadrant)}
            aria-label={t('panel.actions.moveTo', { title })}
          >
            <option value="" disabled>
              {t(action.placed ? 'panel.actions.moveIn' : 'panel.actions.placeIn')}
            </option>
            {QUADRANTS.filter((q) => q !== placement).map((q) => (
              <option key={q} value={q}>
                {QUADRANT_STYLE[q].icon} {t(QUADRANT_STYLE[q].label)}
              </option>
            ))}
          </select>
        </div>
      )}
    </article>
  );
}
