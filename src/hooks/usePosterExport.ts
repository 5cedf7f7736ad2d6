import { useCallback, useEffect, useRef, useState } from 'react';
import { toBlob } from 'html-to-image';
import type { PixelSize, PosterSize } from '../model/paper';
import type { PosterModel } from '../model/poster';
import { cardTextPoints, roundPoints } from '../model/posterFit';
import type { ExportProgress } from '../store';
import { useUiStore } from '../store';
import { downloadBlob, renderPosterPng } from '../export/posterExport';

/** A poster to export: what it shows, the page it fills, and the file it becomes. */
export interface PosterJob {
  model: PosterModel;
  size: PosterSize;
  page: PixelSize;
  transparent: boolean;
  fileName: string;
}

export interface PosterExport {
  /** Where the export stands; null before one starts (or after `reset`). */
  progress: ExportProgress | null;
  /** True while a file is being made: the dialog offers Cancel, not Close. */
  busy: boolean;
  /** The poster to lay out offscreen while it is exported; null when none. */
  poster: PosterJob | null;
  /** Ref for the laid-out poster's element: the export runs once it is in the document. */
  stageRef(element: HTMLElement | null): void;
  exportPoster(job: PosterJob): void;
  /** Exports what the canvas shows right now, at VIEW_PIXEL_RATIO, without the on-screen controls. */
  exportView(fileName: string, transparent: boolean): void;
  /** Stops the running export between two strips; it ends as « cancelled ». */
  cancel(): void;
  /** Back to the form: forgets the outcome of the last export. */
  reset(): void;
}

/** Pixel ratio of a "current view" export: what is on screen, twice as sharp. */
export const VIEW_PIXEL_RATIO = 2;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

const RUNNING: readonly ExportProgress['phase'][] = ['preparing', 'rendering', 'saving'];

/**
 * The export dialog's one export: it starts a poster or current-view export, follows its
 * progress, cancels it, and abandons it when the dialog goes away. The poster stage only
 * renders the poster this hook hands it, with `stageRef` on its element.
 */
export function usePosterExport(): PosterExport {
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [poster, setPoster] = useState<PosterJob | null>(null);
  const [element, setElement] = useState<HTMLElement | null>(null);
  const controller = useRef<AbortController | null>(null);

  // The poster export: once its element is laid out in the document, render it strip by strip.
  useEffect(() => {
    if (!poster || !element) return;
    const abort = new AbortController();
    controller.current = abort;
    let current = true;
    const size = { width: poster.page.width, height: poster.page.height };
    void (async () => {
      try {
        // Fonts must be ready before the layout is measured and serialised.
        await (document.fonts?.ready ?? Promise.resolve());
        if (abort.signal.aborted) throw new DOMException('Export cancelled', 'AbortError');
        const result = await renderPosterPng(element, {
          page: poster.page,
          stages: poster.model.stages.length,
          transparent: poster.transparent,
          signal: abort.signal,
          onProgress: (p) => current && setProgress({ phase: 'rendering', what: 'poster', ...size, ...p }),
        });
        if (!current) return;
        setProgress({ phase: 'saving', what: 'poster', ...size });
        downloadBlob(result.blob, poster.fileName);
        const points = cardTextPoints(result.content, poster.size);
        const textPoints = points === null ? undefined : roundPoints(points);
        setProgress({ phase: 'done', what: 'poster', ...size, file: poster.fileName, textPoints });
      } catch (error) {
        if (!current) return; // superseded, or the dialog is gone
        if (abort.signal.aborted) setProgress({ phase: 'cancelled', what: 'poster' });
        else setProgress({ phase: 'failed', what: 'poster', error: error instanceof Error ? error.message : String(error) });
      } finally {
        if (controller.current === abort) controller.current = null;
        // The offscreen poster (every card of the journey) is no longer needed.
        if (current) setPoster(null);
      }
    })();
    return () => {
      current = false;
      abort.abort();
    };
  }, [poster, element]);

  const exportPoster = useCallback((job: PosterJob) => {
    setProgress({ phase: 'preparing', what: 'poster', width: job.page.width, height: job.page.height });
    setPoster(job);
  }, []);

  const exportView = useCallback((fileName: string, transparent: boolean) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    const cancelled = () => abort.signal.aborted || controller.current !== abort;
    void (async () => {
      try {
        setProgress({ phase: 'preparing', what: 'view' });
        useUiStore.getState().select(null);
        useUiStore.getState().stopEditing();
        await nextFrame();
        await nextFrame();
        const view = document.querySelector<HTMLElement>('.react-flow');
        if (!view) throw new Error('canvas not found');
        const size = { width: view.clientWidth * VIEW_PIXEL_RATIO, height: view.clientHeight * VIEW_PIXEL_RATIO };
        setProgress({ phase: 'rendering', what: 'view', ...size, strip: 1, strips: 1 });
        const blob = await toBlob(view, {
          pixelRatio: VIEW_PIXEL_RATIO,
          backgroundColor: transparent ? undefined : '#ffffff',
          filter: (node) =>
            !(node instanceof Element && (node.classList.contains('export-exclude') || node.classList.contains('react-flow__background'))),
        });
        if (cancelled()) throw new DOMException('Export cancelled', 'AbortError');
        if (!blob) throw new Error('empty image');
        setProgress({ phase: 'saving', what: 'view', ...size });
        downloadBlob(blob, fileName);
        setProgress({ phase: 'done', what: 'view', ...size, file: fileName });
      } catch (error) {
        if (controller.current !== abort) return;
        if (abort.signal.aborted) setProgress({ phase: 'cancelled', what: 'view' });
        else setProgress({ phase: 'failed', what: 'view', error: error instanceof Error ? error.message : String(error) });
      } finally {
        if (controller.current === abort) controller.current = null;
      }
    })();
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => {
    const running = controller.current;
    controller.current = null;
    running?.abort();
    setPoster(null);
    setProgress(null);
  }, []);
  // Whatever runs when the dialog goes away is abandoned.
  useEffect(() => () => controller.current?.abort(), []);

  const busy = progress !== null && RUNNING.includes(progress.phase);
  return { progress, busy, poster, stageRef: setElement, exportPoster, exportView, cancel, reset };
}
