import { createPortal } from 'react-dom';
import { useT } from '../../hooks/useT';
import type { PosterJob } from '../../hooks/usePosterExport';
import { useUiStore } from '../../store';
import { Poster } from './poster/Poster';

/**
 * The poster being exported, laid out offscreen (outside the page's layout, never on screen).
 * It only renders: the export hook measures and rasterises the element given to `stageRef`.
 */
export function PosterStage({ job, stageRef }: { job: PosterJob; stageRef(element: HTMLElement | null): void }) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  return createPortal(
    <div className="poster-stage" aria-hidden="true">
      <Poster ref={stageRef} model={job.model} t={t} locale={locale} transparent={job.transparent} />
    </div>,
    document.body,
  );
}
