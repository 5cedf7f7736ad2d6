/**
 * The printed report's layout (« le livrable »): paper, text wrapping, and how a journey's map is
 * cut into pages — stages split into column groups, channel rows (and cells too tall for a page)
 * split into row slices. Pure: measuring text is handed in, so the PDF writer and tests agree.
 */
import { paperMillimetres } from './paper';
import type { BoardSnapshot, PainPoint } from './types';

export type ReportPaper = 'A4' | 'A3';
export const REPORT_PAPERS: readonly ReportPaper[] = ['A4', 'A3'];

const POINTS_PER_MM = 72 / 25.4;

/** A landscape page of `paper`, in PDF points. */
export function reportPageSize(paper: ReportPaper): { width: number; height: number } {
  const mm = paperMillimetres(paper, 'landscape');
  return { width: Math.round(mm.width * POINTS_PER_MM * 100) / 100, height: Math.round(mm.height * POINTS_PER_MM * 100) / 100 };
}

/** A range of indices, `from` included, `to` excluded. */
export interface Span {
  from: number;
  to: number;
}

/**
 * Groups of consecutive stages that fit `available` points when each needs at least `minWidth`,
 * balanced so the last page is not left with one lonely stage.
 */
export function splitColumns(count: number, available: number, minWidth: number): Span[] {
  if (count <= 0) return [];
  const perPage = Math.max(1, Math.floor(available / minWidth));
  const pages = Math.ceil(count / perPage);
  const per = Math.ceil(count / pages);
  const spans: Span[] = [];
  for (let from = 0; from < count; from += per) spans.push({ from, to: Math.min(count, from + per) });
  return spans;
}

/** Room a row takes around its cards, and between two cards. */
export interface RowMetrics {
  /** Space above the first and below the last card of a cell. */
  padding: number;
  gap: number;
  /** The smallest height of a row, even empty (its header must show). */
  minHeight: number;
}

/** The part of one channel row printed on one page: for each cell, which of its cards. */
export interface RowSlice {
  channel: number;
  cells: Span[];
  height: number;
  /** Whether the row goes on past this slice (on the next page). */
  continues: boolean;
  /** Whether this slice carries on a row begun on an earlier page. */
  continued: boolean;
}

function stackHeight(heights: readonly number[], from: number, to: number, m: RowMetrics): number {
  let h = 0;
  for (let i = from; i < to; i++) h += heights[i]!;
  return to > from ? h + (to - from - 1) * m.gap : 0;
}

/** How many cards of `heights`, from `from`, fit in `room` (cards stack with gaps). */
function fitting(heights: readonly number[], from: number, room: number, m: RowMetrics): number {
  let used = 0;
  let to = from;
  while (to < heights.length) {
    const next = used + (to > from ? m.gap : 0) + heights[to]!;
    if (next > room) break;
    used = next;
    to++;
  }
  return to;
}

/**
 * The channel rows of a column group laid on pages `available` points tall. `rows[channel][cell]`
 * lists the height of each card of that cell. A row that does not fit what is left of a page moves
 * to the next; a row taller than a whole page is cut between cards, the cut marked on both sides.
 */
export function paginateRows(rows: readonly (readonly (readonly number[])[])[], available: number, m: RowMetrics): RowSlice[][] {
  const pages: RowSlice[][] = [];
  let page: RowSlice[] = [];
  let used = 0;
  const flush = () => {
    pages.push(page);
    page = [];
    used = 0;
  };
  rows.forEach((cells, channel) => {
    const cursor = cells.map(() => 0);
    let continued = false;
    for (;;) {
      const full = Math.max(m.minHeight, ...cells.map((h, i) => stackHeight(h, cursor[i]!, h.length, m) + 2 * m.padding));
      const room = available - used;
      if (full <= room) {
        page.push({ channel, cells: cells.map((h, i) => ({ from: cursor[i]!, to: h.length })), height: full, continues: false, continued });
        used += full;
        return;
      }
      // A row that would fit a fresh page goes there whole rather than cut.
      if (page.length > 0 && full <= available) {
        flush();
        continue;
      }
      const ends = cells.map((h, i) => fitting(h, cursor[i]!, room - 2 * m.padding, m));
      let progressed = ends.some((end, i) => end > cursor[i]!);
      if (!progressed && page.length > 0) {
        flush();
        continue;
      }
      // A single card taller than a page still has to go somewhere: it takes a page of its own.
      if (!progressed) {
        const i = cells.findIndex((h, k) => cursor[k]! < h.length);
        ends[i] = cursor[i]! + 1;
        progressed = true;
      }
      const height = Math.min(room, Math.max(m.minHeight, ...cells.map((h, i) => stackHeight(h, cursor[i]!, ends[i]!, m) + 2 * m.padding)));
      page.push({ channel, cells: cells.map((_, i) => ({ from: cursor[i]!, to: ends[i]! })), height, continues: true, continued });
      ends.forEach((end, i) => (cursor[i] = end));
      continued = true;
      flush();
    }
  });
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

/**
 * Lines of `text` no wider than `maxWidth` as `measure` sees them: broken at spaces, a word too
 * long for a line broken between characters, the writer's own line breaks kept.
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      // Cut a word wider than the line (a URL, a long number) between characters.
      let rest = word;
      while (measure(rest) > maxWidth && [...rest].length > 1) {
        const chars = [...rest];
        let n = 1;
        while (n < chars.length && measure(chars.slice(0, n + 1).join('')) <= maxWidth) n++;
        lines.push(chars.slice(0, n).join(''));
        rest = chars.slice(n).join('');
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/** A pain point with the dots it received in the board's votes. */
export interface RankedPainPoint {
  painPoint: PainPoint;
  votes: number;
}

/** Pain points worst first: by severity, then by votes, then in the board's order. */
export function rankPainPoints(painPoints: readonly PainPoint[], votes: ReadonlyMap<string, number>): RankedPainPoint[] {
  return painPoints
    .map((painPoint) => ({ painPoint, votes: votes.get(painPoint.id) ?? 0 }))
    .sort(
      (a, b) =>
        b.painPoint.severity - a.painPoint.severity ||
        b.votes - a.votes ||
        (a.painPoint.order < b.painPoint.order ? -1 : a.painPoint.order > b.painPoint.order ? 1 : 0),
    );
}

/** Dots per voted item, added up over every vote of the board. */
export function votesPerItem(dots: readonly { targetId: string }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of dots) out.set(d.targetId, (out.get(d.targetId) ?? 0) + 1);
  return out;
}

/**
 * The existing journey a target journey is compared with: the one it was copied from, else the
 * existing journey of the same persona, else the first existing one; null when there is none.
 */
export function comparisonBase(board: Pick<BoardSnapshot, 'journeys' | 'stages'>, targetId: string): string | null {
  const target = board.journeys.find((j) => j.id === targetId);
  if (!target || target.kind !== 'target') return null;
  const existing = board.journeys.filter((j) => j.kind === 'existing');
  const sources = new Set(board.stages.filter((s) => s.journeyId === targetId && s.sourceId).map((s) => s.sourceId));
  const copiedFrom = existing.find((j) => board.stages.some((s) => s.journeyId === j.id && sources.has(s.id)));
  const samePersona = target.personaId ? existing.find((j) => j.personaId === target.personaId) : undefined;
  return (copiedFrom ?? samePersona ?? existing[0])?.id ?? null;
}
