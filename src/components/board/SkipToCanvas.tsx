import { useT } from '../../hooks/useT';
import { useUiStore } from '../../store';
import { CANVAS_ID } from '../canvas/BoardCanvas';

/**
 * The page's first stop for the keyboard, shown when focused: straight to the first cell of the
 * matrix, past the bars' buttons, from where the arrows go from cell to cell.
 */
export function SkipToCanvas() {
  const t = useT();
  return (
    <a
      className="skip-link"
      href={`#${CANVAS_ID}`}
      onClick={(e) => {
        e.preventDefault();
        const canvas = document.getElementById(CANVAS_ID);
        const first = canvas?.querySelector<HTMLElement>('.react-flow__node-cell');
        useUiStore.getState().select(null);
        (first ?? canvas)?.focus();
      }}
    >
      {t('skip.toCanvas')}
    </a>
  );
}
