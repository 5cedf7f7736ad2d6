/** The report's closing sections: existing → target comparison, the impact / effort matrix and the ranked actions. */
import { degrees, rgb } from 'pdf-lib';
import type { Translate } from '../i18n';
import { QUADRANTS, placementOf, quadrantOf, rankActions } from '../model/actions';
import { CHANGE_KINDS, compareJourneys } from '../model/compare';
import { comparisonBase } from '../model/report';
import type { Action, BoardSnapshot } from '../model/types';
import { MARGIN, MUTED, type ReportCanvas } from './reportCanvas';

const BODY = { size: 10 };
const SMALL = { size: 8.5, color: MUTED };

/** For each target journey chosen, what changed from its existing journey, grouped by kind of change. */
export function drawComparisons(c: ReportCanvas, board: BoardSnapshot, journeyIds: readonly string[], t: Translate): void {
  const targets = board.journeys.filter((j) => j.kind === 'target' && journeyIds.includes(j.id));
  if (targets.length === 0) return;
  c.newPage();
  c.heading(t('report.section.compare'));
  for (const target of targets) {
    const baseId = comparisonBase(board, target.id);
    const base = board.journeys.find((j) => j.id === baseId);
    if (!base) {
      c.heading(target.name, 13, 30);
      c.paragraph(t('report.compare.none'), SMALL);
      continue;
    }
    c.heading(t('report.compare.with', { base: base.name, other: target.name }), 13, 40);
    const comparison = compareJourneys(board, base.id, target.id);
    c.paragraph(CHANGE_KINDS.map((k) => `${t(`compare.${k}`)} : ${comparison.counts[k]}`).join(' · '), SMALL);
    c.y += 4;
    if (comparison.changes.length === 0) c.paragraph(t('report.compare.noChange'), SMALL);
    for (const kind of CHANGE_KINDS) {
      const changes = comparison.changes.filter((ch) => ch.kinds[0] === kind);
      if (changes.length === 0) continue;
      c.heading(t(`compare.${kind}`), 11, 30);
      for (const ch of changes) {
        const tags = ch.kinds.map((k) => t(`compare.${k}`)).join(' + ');
        c.paragraph(`${ch.touchpoint.text}`, BODY, 12);
        const details = [tags, `${ch.stageName} × ${ch.channelName}`];
        if (ch.before && ch.kinds.includes('reevaluated')) {
          details.push(`${t(`evaluation.${ch.before.evaluation ?? 'none'}`)} → ${t(`evaluation.${ch.touchpoint.evaluation ?? 'none'}`)}`);
        }
        if (ch.before && ch.kinds.includes('reworded')) details.push(t('report.compare.before', { text: ch.before.text }));
        c.paragraph(details.join(' · '), SMALL, 12);
        c.y += 3;
      }
    }
    c.y += 10;
  }
}

/** The actions of the journeys chosen, and those of the whole board. */
export function reportActions(board: BoardSnapshot, journeyIds: readonly string[]): Action[] {
  return rankActions(board.actions.filter((a) => a.journeyId === null || journeyIds.includes(a.journeyId)));
}

/** The impact / effort matrix: four quadrants, each listing its actions, quick wins top left. */
export function drawActionMatrix(c: ReportCanvas, actions: readonly Action[], t: Translate): void {
  c.newPage();
  c.heading(t('report.section.actions'));
  c.heading(t('report.section.matrix'), 13, 200);
  const axis = 16;
  const top = c.y;
  const height = c.height - MARGIN - top - axis;
  const width = c.contentWidth - axis;
  const half = { w: width / 2, h: height / 2 };
  // Impact runs up, effort runs right: quick wins (high impact, low effort) sit top left.
  const cells = { quickWins: [0, 0], strategic: [1, 0], ifTime: [0, 1], avoid: [1, 1] } as const;
  const fills = {
    quickWins: rgb(0.88, 0.96, 0.89),
    strategic: rgb(0.88, 0.92, 0.99),
    ifTime: rgb(0.96, 0.96, 0.97),
    avoid: rgb(0.99, 0.9, 0.9),
  };
  for (const q of QUADRANTS) {
    const [col, row] = cells[q];
    const x = MARGIN + axis + col * half.w;
    const y = top + row * half.h;
    c.rect(x, y, half.w - 4, half.h - 4, { fill: fills[q] });
    c.line(c.clean(t(`panel.actions.quadrant.${q}`)), x + 8, y + 8, { size: 11 });
    c.line(c.clean(t(`panel.actions.quadrantHint.${q}`)), x + 8, y + 23, SMALL);
    const inQuadrant = actions.filter((a) => a.placed && quadrantOf(a) === q);
    let lineTop = y + 40;
    for (const [i, a] of inQuadrant.entries()) {
      const rest = inQuadrant.length - i;
      if (lineTop + 24 > y + half.h - 8 && rest > 1) {
        c.line(`+ ${rest}`, x + 8, lineTop, SMALL);
        break;
      }
      lineTop += c.textBlock(`• ${a.title}`, x + 8, lineTop, half.w - 24, { size: 9 }, 2) + 2;
    }
  }
  c.line(c.clean(`${t('report.effort')} →`), MARGIN + axis + width - 60, top + height + 4, SMALL);
  c.page.drawText(c.clean(`${t('report.impact')} →`), {
    x: MARGIN + 10,
    y: c.height - top - height + 10,
    size: 8.5,
    font: c.font,
    color: MUTED,
    rotate: degrees(90),
  });
  c.y = c.height;
}

/** The ranked list: what to do first, with owners and due dates. */
export function drawActionList(c: ReportCanvas, actions: readonly Action[], t: Translate): void {
  if (actions.length === 0) return;
  c.newPage();
  c.heading(t('report.section.ranked'));
  const fractions = [0, 0.04, 0.46, 0.64, 0.76, 0.86];
  const cols = fractions.map((f) => MARGIN + f * c.contentWidth);
  const widths = fractions.map((f, i) => (fractions[i + 1] ?? 1) * c.contentWidth - f * c.contentWidth - 6);
  const header = () => {
    [
      '#',
      t('report.action.title'),
      t('report.action.owner'),
      t('report.action.due'),
      t('report.action.status'),
      t('report.action.quadrant'),
    ].forEach((h, i) => c.line(c.clean(h), cols[i]!, c.y, { size: 8.5, color: MUTED }));
    c.y += 14;
  };
  header();
  actions.forEach((a, index) => {
    const placement = placementOf(a);
    const cells = [
      String(index + 1),
      a.title,
      a.owner || '—',
      a.due || '—',
      t(`panel.actions.status.${a.status}`),
      placement === 'unplaced' ? t('report.action.unplaced') : t(`panel.actions.quadrant.${placement}`),
    ];
    const height = Math.max(...cells.map((text, i) => c.textHeight(text, widths[i]!, BODY)));
    if (height + 6 > c.room) {
      c.newPage();
      header();
    }
    cells.forEach((text, i) => c.textBlock(text, cols[i]!, c.y, widths[i]!, BODY));
    c.y += height + 2;
    c.hline(MARGIN, MARGIN + c.contentWidth, c.y);
    c.y += 4;
  });
}
