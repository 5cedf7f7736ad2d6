import { useT } from '../../hooks/useT';

/** The drawing fits this box whatever the matrix's size, so the titles beside it line up. */
const BOX = { width: 72, height: 52 };
const GAP = 1;
/** Cards in a cell → how dark it is drawn; three and more look the same. */
const SHADES = ['#e2e8f0', '#93c5fd', '#3b82f6', '#1d4ed8'];

/** A tiny drawing of a board's matrix (channels down, stages across), darker where there are more touchpoints. */
export function BoardThumbnail({ grid }: { grid: number[][] }) {
  const t = useT();
  const rows = grid.length;
  const columns = Math.max(0, ...grid.map((r) => r.length));
  if (rows === 0 || columns === 0) return <span className="board-thumbnail" aria-hidden="true" />;
  const cell = Math.max(3, Math.min(10, Math.floor(Math.min(BOX.width / columns, BOX.height / rows)) - GAP));
  const width = columns * (cell + GAP) - GAP;
  const height = rows * (cell + GAP) - GAP;
  const size = `${t.plural('count.stages', columns)} × ${t.plural('count.channels', rows)}`;
  return (
    <span className="board-thumbnail">
      <svg role="img" aria-label={t('home.thumbnail', { size })} viewBox={`0 0 ${width} ${height}`} width={width} height={height}>
        {grid.map((row, r) =>
          row.map((count, c) => (
            <rect
              key={`${r}-${c}`}
              x={c * (cell + GAP)}
              y={r * (cell + GAP)}
              width={cell}
              height={cell}
              rx={1}
              fill={SHADES[Math.min(count, SHADES.length - 1)]}
            />
          )),
        )}
      </svg>
    </span>
  );
}
