/** Which board this tab has just created, so that it alone fills the new board with its first content. */
import type { TemplateId } from '../model/templates';

const CREATING_KEY = 'parcours.creating';

const TEMPLATE_KEY = 'parcours.creatingTemplate';

/** Marks a board id as created by this tab, so that it alone fills the new board (from `template`). */
export function markBoardAsCreatedHere(boardId: string, template: TemplateId = 'ecommerce'): void {
  sessionStorage.setItem(CREATING_KEY, boardId);
  sessionStorage.setItem(TEMPLATE_KEY, template);
}

/** The template chosen if this tab created `boardId` (and forgets it: only the first open fills the board), else null. */
export function takeCreatedHere(boardId: string): string | null {
  if (sessionStorage.getItem(CREATING_KEY) !== boardId) return null;
  sessionStorage.removeItem(CREATING_KEY);
  const template = sessionStorage.getItem(TEMPLATE_KEY) ?? '';
  sessionStorage.removeItem(TEMPLATE_KEY);
  return template;
}
