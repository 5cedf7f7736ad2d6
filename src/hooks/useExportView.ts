import { useCallback } from 'react';
import { getNodesBounds, useReactFlow } from '@xyflow/react';
import { toBlob } from 'html-to-image';
import { slugify } from '../model/text';
import { useUiStore } from '../store';

const MARGIN = 48;
export const EXPORT_PIXEL_RATIO = 2;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Renders the whole map (every node, not just what is on screen) to a PNG at 2× and downloads
 * it as "<board title>.png", reporting progress through the store.
 */
export function useExportPng(): (title: string) => Promise<void> {
  const setProgress = useUiStore((s) => s.setExportProgress);
  const { getNodes } = useReactFlow();
  return useCallback(
    async (title) => {
      try {
        setProgress({ phase: 'preparing' });
        useUiStore.getState().select(null);
        useUiStore.getState().stopEditing();
        await nextFrame();
        await nextFrame();
        const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
        if (!viewport) throw new Error('canvas not found');
        const bounds = getNodesBounds(getNodes().filter((n) => !n.className?.includes('export-exclude')));
        const width = Math.ceil(bounds.width + 2 * MARGIN);
        const height = Math.ceil(bounds.height + 2 * MARGIN);
        const size = { width: width * EXPORT_PIXEL_RATIO, height: height * EXPORT_PIXEL_RATIO };
        setProgress({ phase: 'rendering', ...size });
        await nextFrame();
        const blob = await toBlob(viewport, {
          width,
          height,
          pixelRatio: EXPORT_PIXEL_RATIO,
          backgroundColor: '#ffffff',
          style: {
            width: `${width}px`,
            height: `${height}px`,
            transform: `translate(${MARGIN - bounds.x}px, ${MARGIN - bounds.y}px) scale(1)`,
          },
          filter: (node) => !(node instanceof Element && node.classList.contains('export-exclude')),
        });
        if (!blob) throw new Error('empty image');
        setProgress({ phase: 'saving', ...size });
        download(blob, `${slugify(title)}.png`);
        setProgress({ phase: 'done', ...size });
      } catch (error) {
        setProgress({ phase: 'failed', error: error instanceof Error ? error.message : String(error) });
      }
    },
    [getNodes, setProgress],
  );
}
