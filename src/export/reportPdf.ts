/**
 * The PDF report (« le livrable »): a multi-page vector document — real text in an embedded
 * TrueType font, selectable and searchable, shapes drawn as paths — written with pdf-lib.
 * Long boards are written a page at a time, yielding between pages so the tab stays responsive
 * and a cancel is heard.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { translator } from '../i18n';
import type { Locale } from '../model/defaults';
import type { MetricsSummary } from '../model/metrics';
import { posterModel } from '../model/poster';
import { reportPageSize, type ReportPaper } from '../model/report';
import type { BoardSnapshot, Persona } from '../model/types';
import { drawActionList, drawActionMatrix, drawComparisons, reportActions } from './reportActions';
import { MARGIN, MUTED, ReportCanvas } from './reportCanvas';
import { drawJourneyMap } from './reportMap';
import { drawCover, drawCurve, drawFraming, drawKpis, drawPainPoints, drawPersonas } from './reportSections';

export interface ReportRequest {
  board: BoardSnapshot;
  /** The journeys to include, in the board's order whatever order they were picked in. */
  journeyIds: readonly string[];
  /** Dots each pain point received, over every vote of the board. */
  votes: ReadonlyMap<string, number>;
  paper: ReportPaper;
  locale: Locale;
  /** ISO date (YYYY-MM-DD) printed on the cover. */
  date: string;
  version: string;
  /** The KPIs' latest values, read from the relay; the map shows each against its target on `date`. */
  metrics?: MetricsSummary;
}

/** Which part of the report is being laid out, for the progress bar. */
export interface ReportProgress {
  step: number;
  steps: number;
  section: string;
}

export interface ReportRun {
  onProgress?(progress: ReportProgress): void;
  signal?: AbortSignal;
}

/** Raised when the person cancelled: nothing is saved. */
export class ReportCancelled extends Error {
  constructor() {
    super('report cancelled');
    this.name = 'ReportCancelled';
  }
}

const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Writes the report of `request` with the font in `fontBytes`; the PDF file's bytes. */
export async function writeReport(
  request: ReportRequest,
  fontBytes: Uint8Array,
  run: ReportRun = {},
): Promise<{ bytes: Uint8Array; pages: number }> {
  const t = translator(request.locale);
  const { board } = request;
  const journeys = board.journeys.filter((j) => request.journeyIds.includes(j.id));
  const ids = journeys.map((j) => j.id);
  const models = journeys.map((j) => posterModel(board, j.id, { date: request.date, version: request.version }));
  const steps = 4 + models.length * 2;
  let step = 0;
  const advance = async (section: string) => {
    if (run.signal?.aborted) throw new ReportCancelled();
    run.onProgress?.({ step: step++, steps, section });
    await breathe();
    if (run.signal?.aborted) throw new ReportCancelled();
  };
  // Between two pages of a long map: let the tab paint and hear Cancel.
  const pause = async () => {
    await breathe();
    if (run.signal?.aborted) throw new ReportCancelled();
  };

  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes, { subset: true });
  doc.setTitle(board.meta.title || t('report.title'));
  doc.setLanguage(request.locale);
  doc.setCreator('Parcours');
  doc.setProducer('Parcours');
  const c = new ReportCanvas(doc, font, reportPageSize(request.paper));

  await advance(t('report.section.framing'));
  drawCover(
    c,
    {
      title: board.meta.title,
      objective:
        models.find((m) => m.framing.some((f) => f.field === 'objective'))?.framing.find((f) => f.field === 'objective')?.text ?? '',
      date: request.date,
      version: request.version.trim(),
      journeys: journeys.map((j) => j.name),
    },
    t,
  );
  drawFraming(c, models, t);
  const personaIds = new Set(journeys.map((j) => j.personaId));
  const personas: Persona[] = board.personas.filter((p) => personaIds.has(p.id));
  drawPersonas(c, personas.length > 0 ? personas : board.personas, t);

  for (const m of models) {
    await advance(`${t('report.section.map')} — ${m.journey.name}`);
    await drawJourneyMap(c, m, t, pause, { summary: request.metrics ?? {}, today: request.date });
    await advance(`${t('report.section.painPoints')} — ${m.journey.name}`);
    c.newPage();
    const before = c.page;
    drawCurve(c, m, t);
    drawPainPoints(c, m, request.votes, t);
    drawKpis(c, m, t);
    // A journey with no curve, pain point nor KPI leaves no blank page behind.
    if (c.page === before && c.y === MARGIN) doc.removePage(doc.getPageCount() - 1);
  }

  await advance(t('report.section.compare'));
  drawComparisons(c, board, ids, t);
  await advance(t('report.section.actions'));
  const actions = reportActions(board, ids);
  if (actions.length > 0) {
    drawActionMatrix(c, actions, t);
    drawActionList(c, actions, t);
  }
  await advance(t('report.saving'));
  footers(c, board.meta.title, t);
  const bytes = await doc.save();
  return { bytes, pages: doc.getPageCount() };
}

/** Page numbers and the board's name at the foot of every page; the note about replaced characters on the cover. */
function footers(c: ReportCanvas, title: string, t: ReturnType<typeof translator>): void {
  const pages = c.doc.getPages();
  const replaced = c.replaced;
  const name = c.clean(title);
  pages.forEach((page, i) => {
    c.page = page;
    const label = t('report.page', { page: i + 1, pages: pages.length });
    c.line(name, MARGIN, c.height - MARGIN + 14, { size: 7.5, color: MUTED });
    c.line(label, c.width - MARGIN - c.measure(label, 7.5), c.height - MARGIN + 14, { size: 7.5, color: MUTED });
  });
  if (replaced && pages[0]) {
    c.page = pages[0];
    c.textBlock(t('report.glyphNote'), MARGIN, c.height - MARGIN - 12, c.contentWidth, { size: 8, color: MUTED });
  }
}
