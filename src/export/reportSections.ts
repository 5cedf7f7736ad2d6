/** The report's sections about one board and its journeys: cover, framing, personas, curve, pain points, KPIs. */
import { rgb } from 'pdf-lib';
import type { Translate } from '../i18n';
import { EMOTION_MAX, EMOTION_MIN } from '../model/limits';
import { emotionPoints, smoothPath, type PosterModel } from '../model/poster';
import { rankPainPoints } from '../model/report';
import type { Persona } from '../model/types';
import { INK, MARGIN, MUTED, RULE, type ReportCanvas } from './reportCanvas';

const BODY = { size: 10 };
const SMALL = { size: 8.5, color: MUTED };

/** What the cover says. */
export interface Cover {
  title: string;
  objective: string;
  date: string;
  version: string;
  journeys: string[];
}

export function drawCover(c: ReportCanvas, cover: Cover, t: Translate): void {
  c.newPage();
  c.rect(0, 0, c.width, 8, { fill: rgb(0.2, 0.35, 0.65) });
  c.y = c.height * 0.22;
  c.paragraph(t('report.cover.subtitle'), { size: 12, color: MUTED });
  c.y += 6;
  c.paragraph(cover.title, { size: 30, leading: 1.2 });
  c.y += 10;
  if (cover.journeys.length > 0) c.paragraph(t('report.cover.journeys', { names: cover.journeys.join(' · ') }), { size: 12 });
  if (cover.objective) {
    c.y += 18;
    c.paragraph(t('report.cover.objective'), { size: 10, color: MUTED });
    c.paragraph(cover.objective, { size: 14, leading: 1.35 });
  }
  c.y += 24;
  c.paragraph(t('report.cover.date', { date: cover.date }), BODY);
  if (cover.version) c.paragraph(t('report.cover.version', { version: cover.version }), BODY);
}

/** A label and its text on one line (text wrapped under the label's column). */
function field(c: ReportCanvas, label: string, text: string, labelWidth = 130): void {
  const lines = c.lines(text, c.contentWidth - labelWidth, BODY.size);
  c.ensure(BODY.size * 1.3 * Math.min(lines.length, 3) + 4);
  c.line(c.clean(label), MARGIN, c.y, { size: 9, color: MUTED });
  for (const l of lines) {
    c.ensure(BODY.size * 1.3);
    c.line(l, MARGIN + labelWidth, c.y, BODY);
    c.y += BODY.size * 1.3;
  }
  c.y += 4;
}

export function drawFraming(c: ReportCanvas, models: readonly PosterModel[], t: Translate): void {
  c.newPage();
  c.heading(t('report.section.framing'));
  for (const m of models) {
    c.heading(`${m.journey.name} · ${t(`poster.kind.${m.journey.kind}`)}`, 13, 40);
    if (m.framing.length === 0) c.paragraph(t('report.empty'), SMALL);
    for (const f of m.framing) field(c, t(`poster.framing.${f.field}`), f.text);
    c.y += 10;
  }
}

export function drawPersonas(c: ReportCanvas, personas: readonly Persona[], t: Translate): void {
  if (personas.length === 0) return;
  c.newPage();
  c.heading(t('report.section.personas'));
  for (const p of personas) {
    c.heading(p.role ? `${p.name} — ${p.role}` : p.name, 13, 40);
    if (p.description) c.paragraph(p.description, BODY);
    if (p.goals) field(c, t('report.persona.goals'), p.goals);
    if (p.frustrations) field(c, t('report.persona.frustrations'), p.frustrations);
    c.y += 8;
  }
}

/** The emotion curve of a journey: the score of each stage from −2 to +2, a smooth vector line. */
export function drawCurve(c: ReportCanvas, m: PosterModel, t: Translate): void {
  const points = emotionPoints(m.stages);
  if (points.length === 0) return;
  const box = { height: 150, label: 34 };
  c.heading(`${t('report.section.curve')} — ${m.journey.name}`, 14, box.height + 50);
  const left = MARGIN + box.label;
  const width = c.contentWidth - box.label;
  const top = c.y;
  for (let score = EMOTION_MAX; score >= EMOTION_MIN; score--) {
    const y = top + ((EMOTION_MAX - score) / (EMOTION_MAX - EMOTION_MIN)) * box.height;
    c.hline(left, left + width, y, score === 0 ? MUTED : RULE);
    c.line(score > 0 ? `+${score}` : String(score), MARGIN, y - 4, SMALL);
  }
  const path = smoothPath(points, m.stages.length, width, box.height);
  c.page.drawSvgPath(path, { x: left, y: c.height - top, borderColor: rgb(0.2, 0.35, 0.65), borderWidth: 2 });
  const colWidth = width / m.stages.length;
  for (const p of points) {
    const x = left + (p.x / m.stages.length) * width;
    const y = top + p.y * box.height;
    c.page.drawCircle({ x, y: c.height - y, size: 3, color: rgb(0.2, 0.35, 0.65) });
  }
  const namesTop = top + box.height + 6;
  let tallest = 0;
  m.stages.forEach((s, i) => {
    const words = s.emotion?.words ? `${s.name} · ${s.emotion.words}` : s.name;
    tallest = Math.max(tallest, c.textBlock(words, left + i * colWidth + 2, namesTop, colWidth - 4, { size: 7.5, color: INK }, 3));
  });
  c.y = namesTop + tallest + 16;
}

export function drawPainPoints(c: ReportCanvas, m: PosterModel, votes: ReadonlyMap<string, number>, t: Translate): void {
  const stageName = new Map(m.stages.map((s) => [s.id, s.name]));
  const ranked = rankPainPoints(
    m.stages.flatMap((s) => s.painPoints),
    votes,
  );
  if (ranked.length === 0) return;
  c.heading(`${t('report.section.painPoints')} — ${m.journey.name}`, 14);
  ranked.forEach(({ painPoint, votes: count }, i) => {
    const meta = [
      t(`poster.severity.${painPoint.severity}`),
      t('report.painPoint.stage', { stage: stageName.get(painPoint.stageId) ?? '' }),
    ];
    if (count > 0) meta.push(t.plural('report.votes', count));
    c.ensure(30);
    c.line(`${i + 1}.`, MARGIN, c.y, BODY);
    c.paragraph(painPoint.text, BODY, 22);
    c.paragraph(meta.join(' · '), SMALL, 22);
    c.y += 4;
  });
  c.y += 10;
}

export function drawKpis(c: ReportCanvas, m: PosterModel, t: Translate): void {
  const rows = m.stages.flatMap((s) => s.kpis.map((k) => ({ stage: s.name, kpi: k })));
  if (rows.length === 0) return;
  c.heading(`${t('report.section.kpis')} — ${m.journey.name}`, 14);
  const cols = [0, 0.25, 0.6, 0.8].map((f) => MARGIN + f * c.contentWidth);
  const width = c.contentWidth * 0.2 - 6;
  const headers = [t('report.kpi.stage'), t('report.kpi.name'), t('report.kpi.current'), t('report.kpi.target')];
  headers.forEach((h, i) => c.line(c.clean(h), cols[i]!, c.y, { size: 8.5, color: MUTED }));
  c.y += 14;
  for (const { stage, kpi } of rows) {
    const cells = [
      stage,
      kpi.name,
      kpi.current ? t.measure(kpi.current, kpi.unit) : '—',
      kpi.target ? t.measure(kpi.target, kpi.unit) : '—',
    ];
    const widths = [c.contentWidth * 0.25 - 6, c.contentWidth * 0.35 - 6, width, width];
    const height = Math.max(...cells.map((text, i) => c.textHeight(text, widths[i]!, BODY)));
    c.ensure(height + 6);
    cells.forEach((text, i) => c.textBlock(text, cols[i]!, c.y, widths[i]!, BODY));
    c.y += height + 2;
    c.hline(MARGIN, MARGIN + c.contentWidth, c.y);
    c.y += 4;
  }
  c.y += 10;
}
