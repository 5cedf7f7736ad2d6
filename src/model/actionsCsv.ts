/**
 * Priority actions as CSV, for spreadsheets: ranked (quick wins first), one row per action,
 * with the pain points and touchpoints it addresses. Pure: the words are handed in.
 */
import { type Placement, placementOf, rankActions } from './actions';
import { type Delimiter, protectCell, writeCsv } from './csv';
import type { Action, ActionStatus, PainPoint, Touchpoint } from './types';

export const ACTION_CSV_COLUMNS = ['rank', 'title', 'owner', 'due', 'status', 'impact', 'effort', 'quadrant', 'links'] as const;
export type ActionCsvColumn = (typeof ACTION_CSV_COLUMNS)[number];

/** The words of one language: column titles, statuses, quadrants (and « not placed yet »). */
export interface ActionCsvLabels {
  headers: Record<ActionCsvColumn, string>;
  statuses: Record<ActionStatus, string>;
  quadrants: Record<Placement, string>;
}

/** What the links of an action may point to. */
export interface LinkTargets {
  painPoints: readonly Pick<PainPoint, 'id' | 'text'>[];
  touchpoints: readonly Pick<Touchpoint, 'id' | 'text'>[];
}

/** Between the linked items of one cell: no delimiter of either language, so the cell reads plainly. */
export const LINK_SEPARATOR = ' | ';

/** The texts of the items an action links to, pain points first; links to deleted items are left out. */
export function linkedTexts(action: Pick<Action, 'links'>, targets: LinkTargets): string[] {
  const painPoints = new Map(targets.painPoints.map((p) => [p.id, p.text]));
  const touchpoints = new Map(targets.touchpoints.map((t) => [t.id, t.text]));
  const texts = (map: Map<string, string>) => action.links.filter((id) => map.has(id)).map((id) => (map.get(id) as string).trim());
  return [...texts(painPoints), ...texts(touchpoints)];
}

/** The actions as CSV rows (header first), in rank order. */
export function actionRows(actions: readonly Action[], targets: LinkTargets, labels: ActionCsvLabels): string[][] {
  const rows: string[][] = [ACTION_CSV_COLUMNS.map((c) => labels.headers[c])];
  rankActions(actions).forEach((a, i) => {
    rows.push([
      String(i + 1),
      protectCell(a.title),
      protectCell(a.owner),
      a.due,
      labels.statuses[a.status],
      // The scores of an action not placed yet are defaults nobody chose: left blank.
      a.placed ? String(a.impact) : '',
      a.placed ? String(a.effort) : '',
      labels.quadrants[placementOf(a)],
      protectCell(linkedTexts(a, targets).join(LINK_SEPARATOR)),
    ]);
  });
  return rows;
}

/** A whole CSV file of the actions: byte-order mark, CRLF line ends, RFC 4180 quoting. */
export function actionsCsv(actions: readonly Action[], targets: LinkTargets, labels: ActionCsvLabels, delimiter: Delimiter): string {
  return writeCsv(actionRows(actions, targets, labels), delimiter);
}
