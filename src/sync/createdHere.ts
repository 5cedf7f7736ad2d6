/** Which board this tab has just created, so that it alone fills the new board with its first content. */
import type { TemplateId } from '../model/templates';

const CREATING_KEY = 'parcours.creating';

const TEMPLATE_KEY = 'parcours.creatingTemplate';

/** Marks a board id as created by this tab, so that it alone fills the new board (from `template`). */
export function markBoardAsCreatedHere(boardId: string, template: TemplateId = 'ecommerce'): void {
  sessionStorage.setItem(CREATING_KEY, boardId);
  sessionStorage.setItem(TEMPLATE_KEY, template);
}

const LINKS_KEY = 'parcours.showLinks';

/** Remembers that this tab created `boardId`, so its first opening shows the creator their links. */
export function markLinksToShow(boardId: string): void {
  sessionStorage.setItem(LINKS_KEY, boardId);
}

/** Whether the creator's links of `boardId` are still to be shown (until forgetLinksToShow). */
export function hasLinksToShow(boardId: string): boolean {
  return sessionStorage.getItem(LINKS_KEY) === boardId;
}

/** The creator has seen the links of `boardId`: they are not shown again. */
export function forgetLinksToShow(boardId: string): void {
  if (hasLinksToShow(boardId)) sessionStorage.removeItem(LINKS_KEY);
}

/** The template chosen if this tab created `boardId` (and forgets it: only the first open fills the board), else null. */
export function takeCreatedHere(boardId: string): string | null {
  if (sessionStorage.getItem(CREATING_KEY) !== boardId) return null;
  sessionStorage.removeItem(CREATING_KEY);
  const template = sessionStorage.getItem(TEMPLATE_KEY) ?? '';
  sessionStorage.removeItem(TEMPLATE_KEY);
  return template;
}
