/**
 * A journey's channel × stage map on report pages: the poster's layout, cut into column groups
 * and row slices (src/model/report.ts) with the stage and channel headers repeated on each page.
 */
import { rgb, type RGB } from 'pdf-lib';
import type { Translate } from '../i18n';
import type { PosterModel } from '../model/poster';
import { paginateRows, splitColumns, type RowMetrics, type Span } from '../model/report';
import type { Evaluation, Touchpoint } from '../model/types';
import { INK, MARGIN, MUTED, RULE, type ReportCanvas } from './reportCanvas';

const CHANNEL_WIDTH = 110;
const MIN_STAGE_WIDTH = 150;
const CARD_TEXT = { size: 8, leading: 1.25 };
const CARD_LABEL = { size: 6.5, color: MUTED };
const CARD_PAD = 4;
const CARD_MAX_LINES = 14;
const METRICS: RowMetrics = { padding: 4, gap: 4, minHeight: 28 };

/** Each evaluation's paper colour and its edge; the label printed on the card carries the meaning too. */
const COLOURS: Record<Evaluation | 'none', { fill: RGB; edge: RGB }> = {
  delight: { fill: rgb(0.88, 0.96, 0.89), edge: rgb(0.2, 0.6, 0.3) },
  improvable: { fill: rgb(1, 0.94, 0.84), edge: rgb(0.85, 0.5, 0.1) },
  pain: { fill: rgb(0.99, 0.88, 0.88), edge: rgb(0.78, 0.16, 0.16) },
  none: { fill: rgb(0.96, 0.96, 0.97), edge: rgb(0.6, 0.62, 0.66) },
};

function cardLabel(card: Touchpoint, t: Translate): string {
  const evaluation = t(`evaluation.${card.evaluation ?? 'none'}`);
  return card.momentOfTruth ? `${evaluation} · ${t('report.momentOfTruth')}` : evaluation;
}

function cardHeight(c: ReportCanvas, card: Touchpoint, width: number): number {
  return CARD_PAD * 2 + CARD_LABEL.size * 1.3 + c.textHeight(card.text, width - 2 * CARD_PAD - 3, CARD_TEXT, CARD_MAX_LINES);
}

function drawCard(c: ReportCanvas, card: Touchpoint, t: Translate, x: number, top: number, width: number, height: number): void {
  const colour = COLOURS[card.evaluation ?? 'none'];
  c.rect(x, top, width, height, { fill: colour.fill, border: card.momentOfTruth ? INK : undefined, borderWidth: 1.2 });
  c.rect(x, top, 3, height, { fill: colour.edge });
  c.line(c.clean(cardLabel(card, t)), x + CARD_PAD + 3, top + CARD_PAD, CARD_LABEL);
  c.textBlock(card.text, x + CARD_PAD + 3, top + CARD_PAD + CARD_LABEL.size * 1.3, width - 2 * CARD_PAD - 3, CARD_TEXT, CARD_MAX_LINES);
}

/** Draws the map of `model` on as many pages as it needs; `pause` lets the page breathe between pages. */
export async function drawJourneyMap(c: ReportCanvas, model: PosterModel, t: Translate, pause: () => Promise<void>): Promise<void> {
  const columns = splitColumns(model.stages.length, c.contentWidth - CHANNEL_WIDTH, MIN_STAGE_WIDTH);
  if (columns.length === 0 || model.channels.length === 0) {
    c.newPage();
    c.heading(`${t('report.section.map')} — ${model.journey.name}`);
    c.paragraph(t('report.empty'), { size: 10, color: MUTED });
    return;
  }
  for (const span of columns) await drawColumnGroup(c, model, t, span, columns.length > 1, pause);
}

async function drawColumnGroup(
  c: ReportCanvas,
  model: PosterModel,
  t: Translate,
  span: Span,
  split: boolean,
  pause: () => Promise<void>,
): Promise<void> {
  const stages = model.stages.slice(span.from, span.to);
  const colWidth = (c.contentWidth - CHANNEL_WIDTH) / stages.length;
  const cardWidth = colWidth - 2 * METRICS.padding;
  const headerStyle = { size: 9 };
  const headerHeight = 10 + Math.max(...stages.map((s) => c.textHeight(s.name, colWidth - 8, headerStyle, 3) + (s.owner ? 9 : 0)));
  const titleHeight = 26;
  const available = c.height - 2 * MARGIN - titleHeight - headerHeight;
  const heights = model.channels.map((ch) =>
    ch.cells.slice(span.from, span.to).map((cards) => cards.map((card) => cardHeight(c, card, cardWidth))),
  );
  const pages = paginateRows(heights, available, METRICS);
  const left = MARGIN + CHANNEL_WIDTH;
  for (const rows of pages) {
    c.newPage();
    const first = rows[0]?.channel ?? 0;
    const last = rows[rows.length - 1]?.channel ?? 0;
    const part = t('report.part', {
      journey: model.journey.name,
      from: span.from + 1,
      to: span.to,
      of: model.stages.length,
      rowFrom: first + 1,
      rowTo: last + 1,
      rows: model.channels.length,
    });
    const whole = !split && pages.length === 1;
    c.line(c.clean(whole ? `${t('report.section.map')} — ${model.journey.name}` : part), MARGIN, c.y, { size: 12 });
    let top = MARGIN + titleHeight;
    // The stage headers, repeated on every page of the group.
    c.rect(MARGIN, top, c.contentWidth, headerHeight, { fill: rgb(0.93, 0.94, 0.96) });
    c.line(c.clean(t('report.channel')), MARGIN + 4, top + 5, { size: 8, color: MUTED });
    stages.forEach((s, i) => {
      const x = left + i * colWidth + 4;
      const used = c.textBlock(s.name, x, top + 5, colWidth - 8, headerStyle, 3);
      if (s.owner) c.line(c.clean(s.owner), x, top + 5 + used, { size: 7, color: MUTED });
    });
    top += headerHeight;
    for (const row of rows) {
      const channel = model.channels[row.channel]!;
      // The channel header, repeated, with a mark when the row runs over from or onto another page.
      const name = row.continued ? `${channel.name} ${t('report.continued')}` : channel.name;
      c.textBlock(name, MARGIN + 4, top + 5, CHANNEL_WIDTH - 8, { size: 8.5 }, 4);
      row.cells.forEach((cells, i) => {
        const cards = channel.cells[span.from + i]!.slice(cells.from, cells.to);
        let y = top + METRICS.padding;
        const x = left + i * colWidth + METRICS.padding;
        for (const card of cards) {
          const h = cardHeight(c, card, cardWidth);
          drawCard(c, card, t, x, y, cardWidth, h);
          y += h + METRICS.gap;
        }
      });
      top += row.height;
      c.hline(MARGIN, MARGIN + c.contentWidth, top, RULE);
    }
    for (let i = 0; i <= stages.length; i++) {
      const x = left + i * colWidth;
      c.page.drawLine({ start: { x, y: c.height - MARGIN - titleHeight }, end: { x, y: c.height - top }, thickness: 0.5, color: RULE });
    }
    c.y = top + 12;
    await pause();
  }
}
