/** Paper sizes and print resolution: how many pixels a poster needs. */

export type PaperFormat = 'A0' | 'A1' | 'A2' | 'A3' | 'A4';
export type Orientation = 'landscape' | 'portrait';

export const PAPER_FORMATS: readonly PaperFormat[] = ['A0', 'A1', 'A2', 'A3', 'A4'];
export const DPI_CHOICES: readonly number[] = [96, 150, 300];

/** ISO 216 sizes in millimetres, short side first. */
const PAPER_MM: Record<PaperFormat, readonly [number, number]> = {
  A0: [841, 1189],
  A1: [594, 841],
  A2: [420, 594],
  A3: [297, 420],
  A4: [210, 297],
};

const MM_PER_INCH = 25.4;

/** The largest side we agree to render (A0 at 600 dpi is 28 087 px): past it, refuse. */
export const MAX_POSTER_SIDE = 30_000;
export const MIN_POSTER_WIDTH = 320;

/** What the person picked: a paper format at a resolution, or a free pixel width. */
export type PosterSize =
  | { kind: 'paper'; format: PaperFormat; orientation: Orientation; dpi: number }
  | { kind: 'custom'; width: number; orientation: Orientation };

export interface PixelSize {
  width: number;
  height: number;
  /** Dots per inch recorded in the file (pHYs), so print software sizes it right. */
  dpi: number;
}

/** Width and height in millimetres of a paper format in an orientation. */
export function paperMillimetres(format: PaperFormat, orientation: Orientation): { width: number; height: number } {
  const [short, long] = PAPER_MM[format];
  return orientation === 'landscape' ? { width: long, height: short } : { width: short, height: long };
}

/** Pixels needed to print `mm` millimetres at `dpi`. */
export function mmToPixels(mm: number, dpi: number): number {
  return Math.round((mm / MM_PER_INCH) * dpi);
}

/** The pixel size of a poster; a custom width keeps the A-series proportions (1 : √2). */
export function posterPixels(size: PosterSize): PixelSize {
  if (size.kind === 'paper') {
    const mm = paperMillimetres(size.format, size.orientation);
    return { width: mmToPixels(mm.width, size.dpi), height: mmToPixels(mm.height, size.dpi), dpi: size.dpi };
  }
  const width = Math.round(size.width);
  const height = Math.round(size.orientation === 'landscape' ? width / Math.SQRT2 : width * Math.SQRT2);
  return { width, height, dpi: 96 };
}

/** Whether a size can be rendered (positive, and within MAX_POSTER_SIDE on both sides). */
export function isRenderable(px: PixelSize): boolean {
  return (
    Number.isInteger(px.width) &&
    Number.isInteger(px.height) &&
    px.width >= MIN_POSTER_WIDTH &&
    px.height > 0 &&
    px.width <= MAX_POSTER_SIDE &&
    px.height <= MAX_POSTER_SIDE
  );
}

/** Pixels per metre for the PNG pHYs chunk. */
export function pixelsPerMetre(dpi: number): number {
  return Math.round(dpi / (MM_PER_INCH / 1000));
}

/** The label used in file names: "A0-300dpi" or "4000px". */
export function sizeLabel(size: PosterSize): string {
  return size.kind === 'paper' ? `${size.format}-${size.dpi}dpi` : `${Math.round(size.width)}px`;
}

/** The printed size, in points, of text that is `cssPx` CSS pixels tall in a poster scaled by `scale` (output px per CSS px). */
export function printedPoints(cssPx: number, scale: number, dpi: number): number {
  return (cssPx * scale * 72) / dpi;
}
