/**
 * Drawing on the report's pages: a cursor that runs down the page and opens a new one when the
 * next block does not fit, text wrapped and cleaned of characters the font cannot draw.
 */
import { rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { wrapText } from '../model/report';

export const INK = rgb(0.13, 0.15, 0.18);
export const MUTED = rgb(0.4, 0.43, 0.48);
export const RULE = rgb(0.8, 0.82, 0.85);
export const MARGIN = 36;

// Joiners and emoji variation selectors: invisible when the font draws the emoji alone.
const INVISIBLE = /\u200d|\ufe0e|\ufe0f/g;
const MISSING = '□';

export interface TextStyle {
  size: number;
  color?: RGB;
  /** Leading, as a multiple of the size. */
  leading?: number;
}

/** One PDF being written: its pages, its font and where the next block goes. */
export class ReportCanvas {
  readonly doc: PDFDocument;
  readonly font: PDFFont;
  readonly width: number;
  readonly height: number;
  page!: PDFPage;
  /** Distance from the top of the page to where the next block starts. */
  y = MARGIN;
  /** Whether some character had to be replaced because the font has no glyph for it. */
  replaced = false;
  private readonly glyphs: Set<number>;
  private readonly widths = new Map<string, number>();
  private readonly space: number;

  constructor(doc: PDFDocument, font: PDFFont, size: { width: number; height: number }) {
    this.doc = doc;
    this.font = font;
    this.width = size.width;
    this.height = size.height;
    this.glyphs = new Set(font.getCharacterSet());
    this.space = font.widthOfTextAtSize(' ', 1000);
  }

  /** The width between the margins. */
  get contentWidth(): number {
    return this.width - 2 * MARGIN;
  }

  /** Room left on the page below the cursor. */
  get room(): number {
    return this.height - MARGIN - this.y;
  }

  newPage(): PDFPage {
    this.page = this.doc.addPage([this.width, this.height]);
    this.y = MARGIN;
    return this.page;
  }

  /** Opens a new page unless `height` points still fit below the cursor. */
  ensure(height: number): void {
    if (height > this.room) this.newPage();
  }

  /** `text` with what the font cannot draw replaced by a visible box, never dropped silently. */
  clean(text: string): string {
    let out = '';
    for (const ch of text.replace(INVISIBLE, '')) {
      const code = ch.codePointAt(0)!;
      if (code < 0x20) out += ' ';
      else if (this.glyphs.has(code)) out += ch;
      else {
        out += MISSING;
        this.replaced = true;
      }
    }
    return out;
  }

  /**
   * Width of `text` at `size`. Words are measured once and added up (kerning across a space is
   * negligible): laying out thousands of cards would otherwise shape every candidate line again.
   */
  measure(text: string, size: number): number {
    let width = 0;
    const words = text.split(' ');
    for (const word of words) {
      let w = this.widths.get(word);
      if (w === undefined) this.widths.set(word, (w = this.font.widthOfTextAtSize(word, 1000)));
      width += w;
    }
    return ((width + (words.length - 1) * this.space) * size) / 1000;
  }

  /** `text` cut into lines that fit `width` at `size`. */
  lines(text: string, width: number, size: number): string[] {
    return wrapText(this.clean(text), width, (s) => this.measure(s, size));
  }

  /** Draws one line with its top at `top` (from the top of the page). */
  line(text: string, x: number, top: number, style: TextStyle): void {
    if (!text) return;
    this.page.drawText(text, { x, y: this.height - top - style.size * 0.8, size: style.size, font: this.font, color: style.color ?? INK });
  }

  /** Draws wrapped text at `x`, `top` within `width`; returns the height it took. */
  textBlock(text: string, x: number, top: number, width: number, style: TextStyle, maxLines = Infinity): number {
    const step = style.size * (style.leading ?? 1.3);
    let lines = this.lines(text, width, style.size);
    if (lines.length > maxLines) lines = [...lines.slice(0, maxLines - 1), `${lines[maxLines - 1]}…`];
    lines.forEach((l, i) => this.line(l, x, top + i * step, style));
    return lines.length * step;
  }

  /** Height wrapped text would take, without drawing it. */
  textHeight(text: string, width: number, style: TextStyle, maxLines = Infinity): number {
    return Math.min(maxLines, this.lines(text, width, style.size).length) * style.size * (style.leading ?? 1.3);
  }

  /** A paragraph at the cursor, across the content width, moving to a new page if needed. */
  paragraph(text: string, style: TextStyle, indent = 0): void {
    const step = style.size * (style.leading ?? 1.3);
    for (const l of this.lines(text, this.contentWidth - indent, style.size)) {
      this.ensure(step);
      this.line(l, MARGIN + indent, this.y, style);
      this.y += step;
    }
  }

  /** A section title, kept with at least `keep` points of what follows. */
  heading(text: string, size = 18, keep = 60): void {
    this.ensure(size * 1.6 + keep);
    this.line(this.clean(text), MARGIN, this.y, { size });
    this.y += size * 1.6;
  }

  /** A rectangle whose top-left corner is at `x`, `top`. */
  rect(x: number, top: number, width: number, height: number, options: { fill?: RGB; border?: RGB; borderWidth?: number }): void {
    this.page.drawRectangle({
      x,
      y: this.height - top - height,
      width,
      height,
      color: options.fill,
      borderColor: options.border,
      borderWidth: options.border ? (options.borderWidth ?? 0.75) : 0,
    });
  }

  hline(x1: number, x2: number, top: number, color = RULE): void {
    this.page.drawLine({ start: { x: x1, y: this.height - top }, end: { x: x2, y: this.height - top }, thickness: 0.5, color });
  }
}
