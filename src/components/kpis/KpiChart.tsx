import { useEffect, useRef } from 'react';
import type uPlot from 'uplot';
import { useT } from '../../hooks/useT';
import type { MetricPoint } from '../../model/metrics';
import { dayText, kpiValueText } from './kpiText';

/**
 * A KPI over time, drawn by uPlot (docs/decisions.md, « The KPI chart »): its values as a line
 * with points, its target as a dashed line. The values themselves are in the table beside it,
 * which is what a screen reader reads; the canvas is labelled as a picture.
 */
export function KpiChart({
  name,
  unit,
  series,
  target,
}: {
  name: string;
  unit: string;
  series: readonly MetricPoint[];
  target: number | null;
}) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    // No canvas (a test's DOM) or nothing to draw: the table says it all.
    if (
      !el ||
      series.length === 0 ||
      typeof HTMLCanvasElement === 'undefined' ||
      !('getContext' in HTMLCanvasElement.prototype) ||
      typeof window.matchMedia !== 'function'
    )
      return;
    const xs = series.map((p) => Date.parse(`${p.date}T00:00:00Z`) / 1000);
    const ys = series.map((p) => p.value);
    const data: uPlot.AlignedData = target === null ? [xs, ys] : [xs, ys, xs.map(() => target)];
    const value = (v: number | null) => (v === null ? '—' : kpiValueText(t, v, unit));
    const opts: uPlot.Options = {
      width: Math.max(280, el.clientWidth || 600),
      height: 220,
      // A single value gets a month around it rather than an axis of years.
      scales: { x: xs.length === 1 ? { time: true, range: [xs[0]! - 15 * 86_400, xs[0]! + 15 * 86_400] } : { time: true } },
      axes: [
        { values: (_u, splits) => splits.map((ts) => axisDay(t.locale, ts, xs[xs.length - 1]! - xs[0]!)) },
        { values: (_u, splits) => splits.map((v) => value(v)), size: 70 },
      ],
      series: [
        {
          label: t('kpi.table.date'),
          value: (_u, ts) => (ts === null ? '—' : dayText(t.locale, new Date(ts * 1000).toISOString().slice(0, 10))),
        },
        {
          label: name,
          stroke: '#2563eb',
          width: 2,
          points: { show: series.length <= 120, size: 5, fill: '#2563eb' },
          value: (_u, v) => value(v),
        },
        ...(target === null
          ? []
          : [
              {
                label: t('kpi.chart.target'),
                stroke: '#64748b',
                dash: [6, 4],
                width: 1.5,
                points: { show: false },
                value: (_u: uPlot, v: number | null) => value(v),
              },
            ]),
      ],
    };
    let plot: uPlot | null = null;
    let live = true;
    const resize = new ResizeObserver(() => plot?.setSize({ width: Math.max(280, el.clientWidth), height: 220 }));
    // uPlot reads the screen as it loads: loaded here, with the dialog, never in the board's first code.
    void Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([{ default: UPlot }]) => {
      if (!live) return;
      try {
        const names = monthNames(t.locale);
        plot = new UPlot(
          { ...opts, tzDate: (ts) => UPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'), fmtDate: (tpl) => UPlot.fmtDate(tpl, names) },
          data,
          el,
        );
        resize.observe(el);
      } catch {
        plot = null; // a browser without a 2D canvas: the table remains
      }
    });
    return () => {
      live = false;
      resize.disconnect();
      plot?.destroy();
    };
  }, [series, target, name, unit, t]);
  return <div ref={box} className="kpi-chart" role="img" aria-label={t('kpi.chart', { name })} />;
}

/** Month and weekday names for uPlot's axis dates, in the interface language. */
function monthNames(locale: string) {
  const f = (options: Intl.DateTimeFormatOptions) => (d: Date) =>
    new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(d);
  const months = Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(2025, m, 1)));
  const days = Array.from({ length: 7 }, (_, d) => new Date(Date.UTC(2025, 5, 1 + d))); // 1 June 2025 is a Sunday
  return {
    MMMM: months.map(f({ month: 'long' })),
    MMM: months.map(f({ month: 'short' })),
    WWWW: days.map(f({ weekday: 'long' })),
    WWW: days.map(f({ weekday: 'short' })),
  };
}

/** A tick of the time axis the language's way: « 3 sept. » over a short span, « sept. 2026 » over more than a year. */
function axisDay(locale: string, ts: number, spanSeconds: number): string {
  const options: Intl.DateTimeFormatOptions =
    spanSeconds > 400 * 86_400 ? { month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short' };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(ts * 1000));
}
