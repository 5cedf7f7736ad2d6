/**
 * A KPI's recent trend as one line, with its target as a dotted rule. Drawn as SVG rather than
 * with the chart library: it is a polyline without axes, there can be dozens in the matrix's
 * headers, and the poster is rasterised from an SVG image of the page, where a canvas would
 * come out blank.
 */
export function Sparkline({
  values,
  target,
  width = 56,
  height = 16,
}: {
  values: readonly number[];
  target: number | null;
  width?: number;
  height?: number;
}) {
  if (values.length < 2) return null;
  const all = target === null ? values : [...values, target];
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min || 1;
  const y = (v: number) => height - 1 - ((v - min) / span) * (height - 2);
  const x = (i: number) => (i / (values.length - 1)) * (width - 2) + 1;
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
      {target !== null && <line className="sparkline__target" x1={0} x2={width} y1={y(target)} y2={y(target)} />}
      <polyline className="sparkline__line" points={points} fill="none" />
      <circle className="sparkline__last" cx={x(values.length - 1)} cy={y(values[values.length - 1]!)} r={1.8} />
    </svg>
  );
}
