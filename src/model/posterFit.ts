/**
 * How legible a poster prints on its paper, and what would make it legible. The poster is laid
 * out at a width whose proportions match the page, then scaled to the page: the more it holds,
 * the smaller its text prints. Pure: the laid-out size is measured by the caller.
 */
import { PAPER_FORMATS, paperMillimetres, posterPixels, printedPoints, type PaperFormat, type PosterSize } from './paper';
import { POSTER_LABEL_WIDTH, POSTER_MIN_STAGE_WIDTH, fitToPage, posterMargin } from './poster';

/** Font size of a card's text on the poster, in CSS px (poster.css `.pc__text`): the text people must read. */
export const CARD_TEXT_PX = 15;

/** Below this, in points, a card's text is too small to read on a wall (6 pt is the usual floor for print). */
export const MIN_LEGIBLE_POINTS = 6;

/** A point size as shown and judged: one decimal, 5.8 pt rather than 5.7692 pt. */
export const roundPoints = (n: number) => Math.round(n * 10) / 10;

/** Whether text printed at `points` reads on a wall, judged on the size as shown. */
export const isLegible = (points: number) => roundPoints(points) >= MIN_LEGIBLE_POINTS;

/**
 * The size, in points (unrounded), at which a card's text prints when a poster laid out at `content` CSS px
 * fills the paper of `size`; null for a custom pixel width, which has no paper.
 */
export function cardTextPoints(content: { width: number; height: number }, size: PosterSize): number | null {
  if (size.kind !== 'paper' || content.width <= 0 || content.height <= 0) return null;
  const page = posterPixels(size);
  const { scale } = fitToPage(content, page, posterMargin(page));
  return printedPoints(CARD_TEXT_PX, scale, page.dpi);
}

/** A change of paper format that makes the text legible, and the size the text then prints at. */
export interface BiggerPaper {
  format: PaperFormat;
  points: number;
}

/**
 * The smallest larger format on which the text reaches MIN_LEGIBLE_POINTS, or the largest one
 * when none does (it is still the best paper can do), or null when already on the largest. Every
 * A format has the same proportions, so the poster keeps its layout and the text grows with the
 * paper's side: A1 → A0 is × √2.
 */
export function biggerPaper(points: number, size: PosterSize): BiggerPaper | null {
  if (size.kind !== 'paper') return null;
  const side = (f: PaperFormat) => paperMillimetres(f, size.orientation).width;
  const larger = PAPER_FORMATS.filter((f) => side(f) > side(size.format)).sort((a, b) => side(a) - side(b));
  if (larger.length === 0) return null;
  const at = (f: PaperFormat) => ({ format: f, points: roundPoints((points * side(f)) / side(size.format)) });
  return larger.map(at).find((p) => p.points >= MIN_LEGIBLE_POINTS) ?? at(larger[larger.length - 1]!);
}

/**
 * How many stages one poster should hold for its text to reach MIN_LEGIBLE_POINTS, estimated
 * from the text size with all `stages` of them: a poster's width grows with its columns (a label
 * column of `labelWidth` plus `stageWidth` per stage), and its text shrinks as it widens. Null
 * when every stage fits, or when not even one would. The caller measures again once cut.
 */
export function stagesPerPoster(
  points: number,
  stages: number,
  labelWidth = POSTER_LABEL_WIDTH,
  stageWidth = POSTER_MIN_STAGE_WIDTH,
): number | null {
  if (isLegible(points) || stages <= 1) return null;
  const width = (n: number) => labelWidth + n * stageWidth;
  for (let n = stages - 1; n >= 1; n--) {
    if ((points * width(stages)) / width(n) >= MIN_LEGIBLE_POINTS) return n;
  }
  return null;
}
