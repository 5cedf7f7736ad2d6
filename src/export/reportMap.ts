/**
 * A journey's channel × stage map on report pages: the poster's layout, cut into column groups
 * and row slices (src/model/report.ts) with the stage and channel headers repeated on each page.
 * Below the channels come the rows the poster shows too: the journey's extra rows (what the
 * customer does, thinks, needs; opportunities) and its KPIs, latest value against target.
 */
import { rgb, type RGB } from 'pdf-lib';
import type { Translate } from '../i18n';
import type { KpiStatus } from '../model/kpi';
import { readKpiSummary } from '../model/kpiReading';
import type { MetricsSummary } from '../model/metrics';
import type { PosterModel } from '../model/poster';
import { paginateRows, splitColumns, type RowMetrics, type Span } from '../model/report';
import type { Evaluation, Kpi, Touchpoint } from '../model/types';
import { INK, MARGIN, MUTED, RULE, type ReportCanvas } from './reportCanvas';

/** What a cell of the map holds: a touchpoint, a card of an extra row, or a KPI read on the report's day. */
type MapItem =
  | { kind: 'touchpoint'; card: Touchpoint }
  | { kind: 'note'; text: string }
  | { kind: 'kpi'; kpi: Kpi; value: string; status: KpiStatus | 'none' };

/** A row of the map: a channel or one of the rows around it, one list of items per stage. */
interface MapRow {
  name: string;
  cells: MapItem[][];
}

/** What the report knows of the KPIs' values: their summaries, read on `today` (`YYYY-MM-DD`). */
export interface MapKpis {
  summary: MetricsSummary;
  today: string;
}

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

const NOTE_FILL = rgb(1, 0.98, 0.85);
const KPI_FILL: Record<KpiStatus | 'none', RGB> = {
  on: rgb(0.88, 0.96, 0.89),
  off: rgb(0.99, 0.88, 0.88),
  unknown: rgb(0.96, 0.96, 0.97),
  none: rgb(0.96, 0.96, 0.97),
};

/** A value with its unit, rounded to hundredths, written the language's way (as the poster does). */
function valueText(t: Translate, value: number, unit: string): string {
  return t.measure(String(Math.round(value * 100) / 100), unit);
}

/** A KPI's line under its name: its latest value, on or off target in words, and the target; or what was typed before values had a history. */
function kpiItem(kpi: Kpi, kpis: MapKpis | undefined, t: Translate): MapItem {
  const reading = readKpiSummary(kpi, kpis?.summary[kpi.id], kpis?.today ?? '');
  const target = reading.target !== null ? ` → ${t('poster.kpiTarget', { target: valueText(t, reading.target, kpi.unit) })}` : '';
  if (reading.latest) {
    const value = `${valueText(t, reading.latest.value, kpi.unit)} (${t(`kpi.status.${reading.status}`)})${target}`;
    return { kind: 'kpi', kpi, value, status: reading.status };
  }
  const typed = kpi.current ? t.measure(kpi.current, kpi.unit) : '—';
  return { kind: 'kpi', kpi, value: `${typed}${target}`, status: 'none' };
}

/** The rows of the map: the channels, then the extra rows and the KPIs when the journey shows them. */
function mapRows(model: PosterModel, kpis: MapKpis | undefined, t: Translate): MapRow[] {
  const rows: MapRow[] = model.channels.map((ch) => ({
    name: ch.name,
    cells: ch.cells.map((cards) => cards.map((card): MapItem => ({ kind: 'touchpoint', card }))),
  }));
  for (const row of model.rows.extra)
    rows.push({
      name: t(`poster.row.${row}`),
      cells: model.stages.map((s) => s.extra[row].map((card): MapItem => ({ kind: 'note', text: card.text }))),
    });
  if (model.rows.kpis && model.stages.some((s) => s.kpis.length > 0))
    rows.push({ name: t('poster.row.kpis'), cells: model.stages.map((s) => s.kpis.map((k) => kpiItem(k, kpis, t))) });
  return rows;
}

function itemHeight(c: ReportCanvas, item: MapItem, width: number): number {
  const inner = width - 2 * CARD_PAD - 3;
  if (item.kind === 'touchpoint') return cardHeight(c, item.card, width);
  if (item.kind === 'note') return CARD_PAD * 2 + c.textHeight(item.text, inner, CARD_TEXT, CARD_MAX_LINES);
  return CARD_PAD * 2 + c.textHeight(item.kpi.name, inner, CARD_TEXT, 3) + c.textHeight(item.value, inner, CARD_LABEL, 3);
}

function drawItem(c: ReportCanvas, item: MapItem, t: Translate, x: number, top: number, width: number, height: number): void {
  if (item.kind === 'touchpoint') return drawCard(c, item.card, t, x, top, width, height);
  const inner = width - 2 * CARD_PAD - 3;
  if (item.kind === 'note') {
    c.rect(x, top, width, height, { fill: NOTE_FILL, border: RULE, borderWidth: 0.5 });
    c.textBlock(item.text, x + CARD_PAD + 3, top + CARD_PAD, inner, CARD_TEXT, CARD_MAX_LINES);
    return;
  }
  c.rect(x, top, width, height, { fill: KPI_FILL[item.status], border: RULE, borderWidth: 0.5 });
  const used = c.textBlock(item.kpi.name, x + CARD_PAD + 3, top + CARD_PAD, inner, CARD_TEXT, 3);
  c.textBlock(item.value, x + CARD_PAD + 3, top + CARD_PAD + used, inner, { size: CARD_LABEL.size, color: INK }, 3);
}

function drawCard(c: ReportCanvas, card: Touchpoint, t: Translate, x: number, top: number, width: number, height: number): void {
  const colour = COLOURS[card.evaluation ?? 'none'];
  c.rect(x, top, width, height, { fill: colour.fill, border: card.momentOfTruth ? INK : undefined, borderWidth: 1.2 });
  c.rect(x, top, 3, height, { fill: colour.edge });
  c.line(c.clean(cardLabel(card, t)), x + CARD_PAD + 3, top + CARD_PAD, CARD_LABEL);
  c.textBlock(card.text, x + CARD_PAD + 3, top + CARD_PAD + CARD_LABEL.size * 1.3, width - 2 * CARD_PAD - 3, CARD_TEXT, CARD_MAX_LINES);
}

/** Draws the map of `model` on as many pages as it needs; `pause` lets the page breathe between pages. */
export async function drawJourneyMap(
  c: ReportCanvas,
  model: PosterModel,
  t: Translate,
  pause: () => Promise<void>,
  kpis?: MapKpis,
): Promise<void> {
  const columns = splitColumns(model.stages.length, c.contentWidth - CHANNEL_WIDTH, MIN_STAGE_WIDTH);
  if (columns.length === 0 || model.channels.length === 0) {
    c.newPage();
    c.heading(`${t('report.section.map')} — ${model.journey.name}`);
    c.paragraph(t('report.empty'), { size: 10, color: MUTED });
    return;
  }
  const rows = mapRows(model, kpis, t);
  for (const span of columns) await drawColumnGroup(c, model, rows, t, span, columns.length > 1, pause);
}

async function drawColumnGroup(
  c: ReportCanvas,
  model: PosterModel,
  mapRowList: readonly MapRow[],
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
  const heights = mapRowList.map((row) =>
    row.cells.slice(span.from, span.to).map((items) => items.map((item) => itemHeight(c, item, cardWidth))),
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
      rows: mapRowList.length,
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
      const channel = mapRowList[row.channel]!;
      // The row header, repeated, with a mark when the row runs over from or onto another page.
      const name = row.continued ? `${channel.name} ${t('report.continued')}` : channel.name;
      c.textBlock(name, MARGIN + 4, top + 5, CHANNEL_WIDTH - 8, { size: 8.5 }, 4);
      row.cells.forEach((cells, i) => {
        const items = channel.cells[span.from + i]!.slice(cells.from, cells.to);
        let y = top + METRICS.padding;
        const x = left + i * colWidth + METRICS.padding;
        for (const item of items) {
          const h = itemHeight(c, item, cardWidth);
          drawItem(c, item, t, x, y, cardWidth, h);
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
