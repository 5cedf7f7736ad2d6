import { useCallback, useEffect, useRef } from 'react';
import type { PixelSize } from '../model/paper';
import { printedPoints } from '../model/paper';
import { useUiStore } from '../store';
import { downloadBlob, renderPosterPng } from '../export/posterExport';

export interface PosterJob {
  page: PixelSize;
  stages: number;
  transparent: boolean;
  fileName: string;
}

/** Font size of a card's text on the poster, in CSS px (poster.css `.pc__text`). */
const CARD_TEXT_PX = 15;

/**
 * Runs a poster export on a laid-out poster element, reporting progress through the store;
 * `cancel` stops it between strips. The render is abandoned if the component goes away.
 */
export function usePosterExport(): { run(element: HTMLElement, job: PosterJob): Promise<void>; cancel(): void } {
  const setProgress = useUiStore((s) => s.setExportProgress);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);
  const run = useCallback(
    async (element: HTMLElement, job: PosterJob) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      const size = { width: job.page.width, height: job.page.height };
      try {
        setProgress({ phase: 'preparing', ...size });
        const result = await renderPosterPng(element, {
          page: job.page,
          stages: job.stages,
          transparent: job.transparent,
          signal: abort.signal,
          onProgress: (p) => setProgress({ phase: 'rendering', ...size, ...p }),
        });
        setProgress({ phase: 'saving', ...size });
        downloadBlob(result.blob, job.fileName);
        setProgress({ phase: 'done', ...size, file: job.fileName, textPoints: Math.round(printedPoints(CARD_TEXT_PX, result.scale, job.page.dpi) * 10) / 10 });
      } catch (error) {
        if (controller.current !== abort) return; // superseded by a newer run
        if (abort.signal.aborted) setProgress({ phase: 'cancelled' });
        else setProgress({ phase: 'failed', error: error instanceof Error ? error.message : String(error) });
      } finally {
        if (controller.current === abort) controller.current = null;
      }
    },
    [setProgress],
  );
  const cancel = useCallback(() => controller.current?.abort(), []);
  return { run, cancel };
}
