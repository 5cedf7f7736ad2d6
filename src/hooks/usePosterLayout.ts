import { useEffect, useState } from 'react';
import type { PosterModel } from '../model/poster';
import { fitPosterWidth } from '../export/posterExport';

/**
 * The size (CSS px) a poster takes once laid out for a page of `page`'s proportions, measured on
 * its rendered `element` (the same search the export makes), or null until it is known. Measured
 * again when what the poster shows or the page's proportions change, not its resolution.
 */
export function usePosterLayout(
  element: HTMLElement | null,
  model: PosterModel | null,
  page: { width: number; height: number },
): { width: number; height: number } | null {
  const [content, setContent] = useState<{ width: number; height: number } | null>(null);
  // Every A size has the same proportions: only the orientation (or a custom width's rounding) changes them.
  const aspect = Math.round((page.width / page.height) * 1000) / 1000;
  useEffect(() => {
    if (!element || !model) return;
    let current = true;
    setContent(null);
    // Fonts must be loaded before the poster is measured (a test DOM has no font loading at all).
    void (document.fonts?.ready ?? Promise.resolve()).then(() => {
      if (!current) return;
      const measured = fitPosterWidth(element, { width: aspect * 1000, height: 1000 }, model.stages.length);
      setContent(measured.height > 0 ? measured : null);
    });
    return () => {
      current = false;
    };
  }, [element, model, aspect]);
  return content;
}
