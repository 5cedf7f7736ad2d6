import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../../hooks/useT';
import { usePosterExport, type PosterJob } from '../../hooks/usePosterExport';
import type { PosterModel } from '../../model/poster';
import { useUiStore } from '../../store';
import { Poster } from './poster/Poster';

/**
 * Renders the poster offscreen (outside the page's layout, never on screen) and exports it
 * once it is in the document. Unmounting cancels the export.
 */
export function PosterStage({ model, job, cancelRef }: { model: PosterModel; job: PosterJob; cancelRef: { current: (() => void) | null } }) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const element = useRef<HTMLDivElement>(null);
  const { run, cancel } = usePosterExport();
  useEffect(() => {
    cancelRef.current = cancel;
    return () => {
      cancelRef.current = null;
    };
  }, [cancel, cancelRef]);
  useEffect(() => {
    if (!element.current) return;
    const el = element.current;
    let stale = false;
    // Fonts must be ready before the layout is measured and serialised.
    void document.fonts.ready.then(() => {
      if (!stale) void run(el, job);
    });
    return () => {
      stale = true;
    };
  }, [job, run]);
  return createPortal(
    <div className="poster-stage" aria-hidden="true">
      <Poster ref={element} model={model} t={t} locale={locale} transparent={job.transparent} />
    </div>,
    document.body,
  );
}
