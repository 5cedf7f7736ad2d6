import { useLayoutEffect, useRef, useState } from 'react';
import { useT } from '../../hooks/useT';
import type { PixelSize } from '../../model/paper';
import { fitToPage, posterMargin, type PosterModel } from '../../model/poster';
import { useUiStore } from '../../store';
import { Poster } from './poster/Poster';

export interface PosterPreviewProps {
  model: PosterModel;
  page: PixelSize;
  transparent: boolean;
  /** The laid-out size of the poster, once measured; null while it is being laid out. */
  content: { width: number; height: number } | null;
  /** The paper, in words, for the preview's name (« A4 paysage »). */
  paper: string;
  /** Ref for the poster's element, measured by the caller. */
  posterRef(element: HTMLElement | null): void;
}

/**
 * The poster as it will sit on its page, before any file is made: the same markup the export
 * rasterises, laid out the same way, shrunk to the dialog's width.
 */
export function PosterPreview({ model, page, transparent, content, paper, posterRef }: PosterPreviewProps) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const box = useRef<HTMLDivElement>(null);
  const [boxWidth, setBoxWidth] = useState(0);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setBoxWidth(el.clientWidth);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  // Page pixels to preview pixels, then the poster placed on the page as the export places it.
  const k = boxWidth / page.width;
  const fit = content ? fitToPage(content, page, posterMargin(page)) : null;
  const transform = fit ? `translate(${fit.x * k}px, ${fit.y * k}px) scale(${fit.scale * k})` : undefined;
  return (
    <figure className="poster-preview" aria-label={t('export.preview', { paper })}>
      <div
        ref={box}
        className={`poster-preview__page${transparent ? ' poster-preview__page--transparent' : ''}`}
        style={{ aspectRatio: `${page.width} / ${page.height}` }}
      >
        <div className="poster-preview__poster" style={{ transform, visibility: fit ? 'visible' : 'hidden' }} aria-hidden="true">
          <Poster ref={posterRef} model={model} t={t} locale={locale} transparent={transparent} />
        </div>
        {!fit && <p className="poster-preview__pending muted">{t('export.previewPending')}</p>}
      </div>
    </figure>
  );
}
