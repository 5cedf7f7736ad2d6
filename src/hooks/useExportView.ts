import { useCallback } from 'react';
import { toBlob } from 'html-to-image';
import { useUiStore } from '../store';
import { downloadBlob } from '../export/posterExport';

/** Pixel ratio of a "current view" export: what is on screen, twice as sharp. */
export const VIEW_PIXEL_RATIO = 2;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Exports what the canvas shows right now (the quick option of the export dialog) as a PNG
 * at 2×, without the on-screen controls, and downloads it as `fileName`.
 */
export function useExportView(): (fileName: string, transparent: boolean) => Promise<void> {
  const setProgress = useUiStore((s) => s.setExportProgress);
  return useCallback(
    async (fileName, transparent) => {
      try {
        setProgress({ phase: 'preparing' });
        useUiStore.getState().select(null);
        useUiStore.getState().stopEditing();
        await nextFrame();
        await nextFrame();
        const view = document.querySelector<HTMLElement>('.react-flow');
        if (!view) throw new Error('canvas not found');
        const size = { width: view.clientWidth * VIEW_PIXEL_RATIO, height: view.clientHeight * VIEW_PIXEL_RATIO };
        setProgress({ phase: 'rendering', ...size, strip: 1, strips: 1 });
        const blob = await toBlob(view, {
          pixelRatio: VIEW_PIXEL_RATIO,
          backgroundColor: transparent ? undefined : '#ffffff',
          filter: (node) => !(node instanceof Element && (node.classList.contains('export-exclude') || node.classList.contains('react-flow__background'))),
        });
        if (!blob) throw new Error('empty image');
        setProgress({ phase: 'saving', ...size });
        downloadBlob(blob, fileName);
        setProgress({ phase: 'done', ...size, file: fileName });
      } catch (error) {
        setProgress({ phase: 'failed', error: error instanceof Error ? error.message : String(error) });
      }
    },
    [setProgress],
  );
}
