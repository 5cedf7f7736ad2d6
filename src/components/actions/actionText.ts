import type { MessageKey, Translate } from '../../i18n';
import type { Placement } from '../../model/actions';
import { QUADRANTS } from '../../model/actions';
import type { ActionCsvLabels } from '../../model/actionsCsv';
import { ACTION_CSV_COLUMNS } from '../../model/actionsCsv';
import type { ActionStatus } from '../../model/types';
import { ACTION_STATUSES } from '../../model/types';

/** Each quadrant (and the tray of actions not placed yet) by word, hint and symbol as well as colour (the panel is printed and read aloud). */
export const QUADRANT_STYLE: Record<Placement, { label: MessageKey; hint: MessageKey; icon: string }> = {
  quickWins: { label: 'panel.actions.quadrant.quickWins', hint: 'panel.actions.quadrantHint.quickWins', icon: '⚡' },
  strategic: { label: 'panel.actions.quadrant.strategic', hint: 'panel.actions.quadrantHint.strategic', icon: '◆' },
  ifTime: { label: 'panel.actions.quadrant.ifTime', hint: 'panel.actions.quadrantHint.ifTime', icon: '○' },
  avoid: { label: 'panel.actions.quadrant.avoid', hint: 'panel.actions.quadrantHint.avoid', icon: '✕' },
  unplaced: { label: 'panel.actions.unplacedBadge', hint: 'panel.actions.unplacedHint', icon: '…' },
};

export const STATUS_LABEL: Record<ActionStatus, MessageKey> = {
  todo: 'panel.actions.status.todo',
  doing: 'panel.actions.status.doing',
  done: 'panel.actions.status.done',
};

/** The words of the CSV export in the interface language. */
export function actionCsvLabels(t: Translate): ActionCsvLabels {
  return {
    headers: Object.fromEntries(
      ACTION_CSV_COLUMNS.map((c) => [c, t(`panel.actions.csv.${c}` as MessageKey)]),
    ) as ActionCsvLabels['headers'],
    statuses: Object.fromEntries(ACTION_STATUSES.map((s) => [s, t(STATUS_LABEL[s])])) as ActionCsvLabels['statuses'],
    quadrants: Object.fromEntries(
      [...QUADRANTS, 'unplaced' as const].map((q) => [q, t(QUADRANT_STYLE[q].label)]),
    ) as ActionCsvLabels['quadrants'],
  };
}

/** A due date in the person's language ("12 mars 2025"), or '' when there is none. */
export function formatDue(due: string, locale: string): string {
  if (!due) return '';
  const date = new Date(`${due}T00:00:00`);
  return Number.isNaN(date.getTime()) ? due : date.toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** Whether an unfinished action is past its due date (today's date as YYYY-MM-DD). */
export function isOverdue(action: { due: string; status: ActionStatus }, today: string): boolean {
  return action.status !== 'done' && action.due !== '' && action.due < today;
}

/** Today's local date as YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
