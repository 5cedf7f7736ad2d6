import { useT } from '../../hooks/useT';
import type { PaperFormat, PosterSize } from '../../model/paper';
import { MIN_LEGIBLE_POINTS, biggerPaper, isLegible, roundPoints, stagesPerPoster } from '../../model/posterFit';

export interface PosterFitAdviceProps {
  /** The size a card's text prints at, in points; null while unknown or for a custom pixel width. */
  points: number | null;
  size: PosterSize;
  /** The stages the poster holds now: their count, and the first one's number. */
  stages: { from: number; count: number };
  onPaper(format: PaperFormat): void;
  /** Keeps stages `from` to `to` (1-based) on this poster. */
  onStages(range: { from: number; to: number }): void;
}

/**
 * What the poster's text will print at, and, under the legible minimum, the fixes in one click:
 * a larger paper, fewer stages on this poster. Says plainly what is not offered.
 */
export function PosterFitAdvice({ points, size, stages, onPaper, onStages }: PosterFitAdviceProps) {
  const t = useT();
  if (points === null || size.kind !== 'paper') return null;
  const pt = t.number(roundPoints(points));
  if (isLegible(points)) {
    return (
      // Announced as it changes, without a second status beside the pixel size's.
      <p className="export-fit" aria-live="polite">
        {t('export.printSize', { points: pt })}
      </p>
    );
  }
  const paper = biggerPaper(points, size);
  const keep = stagesPerPoster(points, stages.count);
  return (
    <div className="export-fit export-fit--warning" role="alert">
      <p>
        <strong>{t('export.printSize', { points: pt })}</strong> {t('export.tooSmall', { min: MIN_LEGIBLE_POINTS })}
      </p>
      <div className="export-fit__fixes">
        {paper && (
          <button type="button" className="button button--small" onClick={() => onPaper(paper.format)}>
            {t(paper.points >= MIN_LEGIBLE_POINTS ? 'export.fixPaper' : 'export.fixPaperStill', {
              format: paper.format,
              points: t.number(paper.points),
            })}
          </button>
        )}
        {keep && (
          <button
            type="button"
            className="button button--small"
            onClick={() => onStages({ from: stages.from, to: stages.from + keep - 1 })}
          >
            {t('export.fixStages', { from: stages.from, to: stages.from + keep - 1 })}
          </button>
        )}
      </div>
      <p className="muted">{t('export.noTiling')}</p>
    </div>
  );
}
